package dev.hindsight.engines.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangePointsTests {

    private final ChangePoints detector = ChangePoints.defaults();

    @Test
    void findsAStepInAnExactSeries() {
        double[] values = {1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5};
        double[] noisy = values.clone();
        noisy[2] = 1.1;
        noisy[7] = 4.9;

        List<ChangePoints.Change> changes = detector.find(noisy);

        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().index()).isEqualTo(5);
        assertThat(changes.getFirst().before()).isCloseTo(1.02, org.assertj.core.data.Offset.offset(0.01));
        assertThat(changes.getFirst().after()).isCloseTo(4.983, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void findsNothingInAConstantOrShortSeries() {
        assertThat(detector.find(new double[] {3, 3, 3, 3, 3, 3})).isEmpty();
        assertThat(detector.find(new double[] {1, 9})).isEmpty();
        assertThat(detector.find(new double[0])).isEmpty();
    }

    @Test
    void findsAStepUpAndBackDown() {
        Random random = new Random(7);
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i >= 100 && i < 200 ? 20 : 10) + random.nextGaussian();
        }

        List<ChangePoints.Change> changes = detector.find(values);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).index()).isBetween(98, 102);
        assertThat(changes.get(0).after()).isGreaterThan(changes.get(0).before());
        assertThat(changes.get(1).index()).isBetween(198, 202);
        assertThat(changes.get(1).after()).isLessThan(changes.get(1).before());
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThatThrownBy(() -> detector.find(new double[] {1, Double.NaN, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangePoints(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Long> seeds() {
        return new Random(20261122).longs(60).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsASyntheticStepWithinAFewSamples(long seed) {
        Random random = new Random(seed);
        int n = 50 + random.nextInt(950);
        int step = n / 5 + random.nextInt(n * 3 / 5);
        double sigma = 0.1 + random.nextDouble() * 10;
        double level = random.nextGaussian() * 100;
        double shift = (4 + random.nextDouble() * 6) * sigma * (random.nextBoolean() ? 1 : -1);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + (i >= step ? shift : 0) + random.nextGaussian() * sigma;
        }

        List<ChangePoints.Change> changes = detector.find(values);

        assertThat(changes)
                .as("n=%d step=%d shift=%.1fσ", n, step, shift / sigma)
                .hasSize(1);
        assertThat(changes.getFirst().index()).isBetween(step - 3, step + 3);
        assertThat(Math.signum(changes.getFirst().after() - changes.getFirst().before()))
                .isEqualTo(Math.signum(shift));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsNoChangeInAFlatNoisySeries(long seed) {
        Random random = new Random(seed);
        int n = 20 + random.nextInt(5000);
        double sigma = 0.01 + random.nextDouble() * 50;
        double level = random.nextGaussian() * 1000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + random.nextGaussian() * sigma;
        }

        assertThat(detector.find(values)).as("n=%d", n).isEmpty();
    }
}
