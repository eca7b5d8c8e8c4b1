package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingAccuracyTests {

    @Test
    void scoresAnIdenticalPartitionUnderOtherLabelsAsFullyCorrect() {
        GroupingAccuracy.Result result = GroupingAccuracy.compute(List.of("A", "A", "B", "C"), List.of(7, 7, 3, 9));

        assertThat(result.correct()).isEqualTo(4);
        assertThat(result.accuracy()).isEqualTo(1.0);
    }

    @Test
    void countsEveryMessageOfASplitGroupAsWrong() {
        GroupingAccuracy.Result result = GroupingAccuracy.compute(List.of("A", "A", "A", "B"), List.of(1, 1, 2, 3));

        assertThat(result.correct()).isEqualTo(1);
        assertThat(result.accuracy()).isEqualTo(0.25);
    }

    @Test
    void countsEveryMessageOfMergedGroupsAsWrong() {
        GroupingAccuracy.Result result =
                GroupingAccuracy.compute(List.of("A", "A", "B", "C", "C"), List.of(1, 1, 1, 2, 2));

        assertThat(result.correct()).isEqualTo(2);
        assertThat(result.total()).isEqualTo(5);
    }

    @Test
    void scoresNoMessagesAsFullyCorrect() {
        assertThat(GroupingAccuracy.compute(List.of(), List.of()).accuracy()).isEqualTo(1.0);
    }

    @Test
    void rejectsLabelListsOfDifferentSizes() {
        assertThatThrownBy(() -> GroupingAccuracy.compute(List.of("A"), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1")
                .hasMessageContaining("2");
    }
}
