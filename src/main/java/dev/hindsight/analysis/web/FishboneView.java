package dev.hindsight.analysis.web;

import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneCategory;
import dev.hindsight.analysis.FishboneCause;
import java.time.OffsetDateTime;
import java.util.List;

/** A fishbone diagram as the JSON API shows it: effect, categories in order, causes nested one level. */
record FishboneView(
        long id,
        String incident,
        String effect,
        OffsetDateTime createdAt,
        int version,
        String svg,
        List<CategoryView> categories) {

    record CategoryView(long id, String name, int position, int version, List<CauseView> causes) {

        static CategoryView of(FishboneCategory c) {
            return new CategoryView(
                    c.id(),
                    c.name(),
                    c.position(),
                    c.version(),
                    c.causes().stream().map(CauseView::of).toList());
        }
    }

    /** A cause or sub-cause; {@code factor} is null unless it was promoted, {@code subCauses} empty for sub-causes. */
    record CauseView(
            long id,
            long categoryId,
            Long parentId,
            String text,
            int version,
            FactorView factor,
            List<CauseView> subCauses) {

        static CauseView of(FishboneCause c) {
            return new CauseView(
                    c.id(),
                    c.categoryId(),
                    c.parentId(),
                    c.text(),
                    c.version(),
                    c.factor() == null ? null : FactorView.of(c.factor()),
                    c.subCauses().stream().map(CauseView::of).toList());
        }
    }

    static FishboneView of(Fishbone f) {
        return new FishboneView(
                f.id(),
                f.incidentId().key(),
                f.effect(),
                f.createdAt(),
                f.version(),
                "/api/v1/incidents/" + f.incidentId().key() + "/fishbones/" + f.id() + ".svg",
                f.categories().stream().map(CategoryView::of).toList());
    }
}
