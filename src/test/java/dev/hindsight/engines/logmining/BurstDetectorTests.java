package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BurstDetectorTests {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void reportsASuddenRiseOverASteadyBaseline() {
        BurstDetector detector = new BurstDetector(Duration.ofMinutes(1), 5, 20, 100);
        for (int minute = 0; minute < 60; minute++) {
            int perMinute = minute >= 30 && minute < 33 ? 200 : 3;
            for (int i = 0; i < perMinute; i++) {
                detector.observe(1, T0.plus(Duration.ofMinutes(minute)).plusMillis(i * 100L));
            }
        }

        List<BurstDetector.Burst> bursts = detector.finish();

        assertThat(bursts).hasSize(1);
        BurstDetector.Burst burst = bursts.get(0);
        assertThat(burst.templateId()).isEqualTo(1);
        assertThat(burst.start()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(burst.end()).isEqualTo(T0.plus(Duration.ofMinutes(33)));
        assertThat(burst.count()).isEqualTo(600);
        assertThat(burst.peakPerBucket()).isEqualTo(200);
        assertThat(burst.baselinePerBucket()).isBetween(2.0, 4.0);
    }

    @Test
    void treatsANewFrequentTemplateAsABurstAndIgnoresMissingTimes() {
        BurstDetector detector = new BurstDetector(Duration.ofMinutes(1), 5, 20, 100);
        for (int i = 0; i < 50; i++) {
            detector.observe(7, T0.plusSeconds(i));
            detector.observe(8, null);
        }

        assertThat(detector.finish())
                .singleElement()
                .satisfies(b -> assertThat(b.templateId()).isEqualTo(7))
                .satisfies(b -> assertThat(b.baselinePerBucket()).isZero());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void neverReportsBurstsForAnEvenRateBelowTheMinimum(long seed) {
        Random random = new Random(seed);
        BurstDetector detector = new BurstDetector(Duration.ofMinutes(1), 5, 20, 100);
        for (int minute = 0; minute < 500; minute++) {
            int n = random.nextInt(19);
            for (int i = 0; i < n; i++) {
                detector.observe(
                        random.nextInt(3), T0.plus(Duration.ofMinutes(minute)).plusSeconds(i));
            }
        }

        assertThat(detector.finish()).isEmpty();
    }
}
