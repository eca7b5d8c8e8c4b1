package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateMinerTests {

    @Test
    void groupsMessagesThatDifferOnlyInNumbers() {
        TemplateMiner miner = new TemplateMiner();
        int a = miner.add("Received block blk_1 of size 100 from /10.0.0.1", null);
        int b = miner.add("Received block blk_2 of size 2048 from /10.0.0.7", null);
        int c = miner.add("Deleting block blk_3 file /data/blk_3", null);

        assertThat(miner.templateIdOf(a)).isEqualTo(miner.templateIdOf(b));
        assertThat(miner.templateIdOf(c)).isNotEqualTo(miner.templateIdOf(a));
        assertThat(miner.templates()).hasSize(2);
    }

    @Test
    void keepsAFewRecurringWordsApartButMergesManyDistinctNames() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> states = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            states.add(miner.add("VM " + (i % 2 == 0 ? "Started" : "Stopped") + " (Lifecycle Event)", null));
        }
        List<Integer> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(miner.add("Invalid user " + name(i) + " from 10.0.0." + i, null));
        }

        Set<Integer> stateTemplates = new HashSet<>();
        states.forEach(s -> stateTemplates.add(miner.templateIdOf(s)));
        Set<Integer> userTemplates = new HashSet<>();
        users.forEach(s -> userTemplates.add(miner.templateIdOf(s)));
        assertThat(stateTemplates).hasSize(2);
        assertThat(userTemplates).hasSize(1);
        LogTemplate user = miner.templates().stream()
                .filter(t -> t.id() == userTemplates.iterator().next())
                .findFirst()
                .orElseThrow();
        assertThat(user.template()).isEqualTo("Invalid user <*> from <*>");
        assertThat(user.variablePositions()).containsExactly(2, 4);
        assertThat(user.count()).isEqualTo(40);
    }

    @Test
    void tracksFirstAndLastSeenAndCapsExamples() {
        TemplateMiner miner = new TemplateMiner(new MinerConfig(0.5, 2, 64, 1000));
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        miner.add("job 3 done", t0.plusSeconds(50));
        miner.add("job 4 done", t0);
        miner.add("job 5 done", null);
        miner.add("job 6 done", t0.plusSeconds(10));

        LogTemplate template = miner.templates().get(0);
        assertThat(template.firstSeen()).isEqualTo(t0);
        assertThat(template.lastSeen()).isEqualTo(t0.plusSeconds(50));
        assertThat(template.examples()).containsExactly("job 3 done", "job 4 done");
        assertThat(template.count()).isEqualTo(4);
    }

    @Test
    void reportsCountsOfMessagesAddedAfterAnEarlierListing() {
        TemplateMiner miner = new TemplateMiner();
        miner.add("disk 1 full", null);
        assertThat(miner.templates().get(0).count()).isEqualTo(1);

        miner.add("disk 2 full", null);

        assertThat(miner.templates().get(0).count()).isEqualTo(2);
    }

    @Test
    void keepsItsStateBoundedByShapesNotMessages() {
        TemplateMiner miner = new TemplateMiner();
        for (int i = 0; i < 100_000; i++) {
            miner.add("request " + i + " took " + (i % 977) + " ms from 10.0." + (i % 256) + ".1", null);
        }

        assertThat(miner.messageCount()).isEqualTo(100_000);
        assertThat(miner.shapeCount()).isEqualTo(1);
    }

    @Test
    void capsTheShapesOfAFamilyAndFilesNewOnesUnderTheClosest() {
        TemplateMiner miner = new TemplateMiner(new MinerConfig(0.5, 1, 8, 1000));
        for (int i = 0; i < 100; i++) {
            miner.add("user " + name(i) + " logged in", null);
        }

        assertThat(miner.shapeCount()).isLessThanOrEqualTo(8);
        assertThat(miner.templates()).extracting(LogTemplate::count).containsExactly(100L);
    }

    @Test
    void mapsEveryShapeToAListedTemplate() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> shapes = new ArrayList<>();
        shapes.add(miner.add("a b c", null));
        shapes.add(miner.add("x 1 y", null));
        shapes.add(miner.add("", null));
        Set<Integer> ids = new HashSet<>();
        miner.templates().forEach(t -> ids.add(t.id()));

        assertThat(shapes).allSatisfy(s -> assertThat(ids).contains(miner.templateIdOf(s)));
    }

    static String name(int i) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        return "" + letters.charAt(i % 26) + letters.charAt((i / 26) % 26) + letters.charAt((i * 7) % 26) + "x";
    }
}
