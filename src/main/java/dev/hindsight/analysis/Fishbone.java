package dev.hindsight.analysis;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fishbone (Ishikawa) diagram of an incident, as stored: the effect at its head and the categories of causes
 * along its spine. Immutable: changes go through {@link FishboneAnalysis}.
 *
 * @param effect the problem the diagram explains, 1 to {@value FishboneAnalysis#MAX_EFFECT} characters
 * @param categories in display order, never null
 * @param version increases by one each time the effect is reworded
 */
public record Fishbone(
        long id,
        IncidentId incidentId,
        String effect,
        List<FishboneCategory> categories,
        OffsetDateTime createdAt,
        int version) {

    /** Every cause and sub-cause of the diagram, causes before their sub-causes. Never null. */
    public List<FishboneCause> allCauses() {
        return categories.stream()
                .flatMap(c -> c.causes().stream())
                .flatMap(c -> Stream.concat(Stream.of(c), c.subCauses().stream()))
                .toList();
    }

    /** The category with this id; empty when it is not one of the diagram's. */
    public Optional<FishboneCategory> category(long categoryId) {
        return categories.stream().filter(c -> c.id() == categoryId).findFirst();
    }

    /** The cause or sub-cause with this id; empty when it is not one of the diagram's. */
    public Optional<FishboneCause> cause(long causeId) {
        return allCauses().stream().filter(c -> c.id() == causeId).findFirst();
    }
}
