package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySampleTest {

    private static LatencySample millis(int... values) {
        LatencySample sample = new LatencySample();
        for (int v : values) {
            sample.add(v * 1_000_000L);
        }
        return sample;
    }

    @Test
    void percentilesAreNearestRank() {
        LatencySample sample = new LatencySample();
        for (int i = 100; i >= 1; i--) {
            sample.add(i * 1_000_000L);
        }
        assertThat(sample.medianMs()).isEqualTo(50.0);
        assertThat(sample.percentileMs(0.95)).isEqualTo(95.0);
        assertThat(sample.percentileMs(0.99)).isEqualTo(99.0);
        assertThat(sample.percentileMs(1.0)).isEqualTo(100.0);
        assertThat(sample.percentileMs(0.001)).isEqualTo(1.0);
        assertThat(sample.maxMs()).isEqualTo(100.0);
    }

    @Test
    void p999OfTwoThousandIsTheSecondLargest() {
        LatencySample sample = new LatencySample();
        for (int i = 1; i <= 2000; i++) {
            sample.add(i * 1000L);
        }
        assertThat(sample.percentileMs(0.999)).isEqualTo(1.998);
        assertThat(sample.percentileMs(0.99)).isEqualTo(1.980);
    }

    @Test
    void smallSamples() {
        assertThat(millis(7).percentileMs(0.99)).isEqualTo(7.0);
        assertThat(millis(3, 1).medianMs()).isEqualTo(1.0);
        assertThat(millis(5, 1, 3).medianMs()).isEqualTo(3.0);
        assertThat(new LatencySample().medianMs()).isNaN();
        assertThat(new LatencySample().maxMs()).isNaN();
    }

    @Test
    void growsPastItsInitialCapacityAndKeepsInsertionIndependentOrder() {
        LatencySample sample = new LatencySample();
        for (int i = 0; i < 10_000; i++) {
            sample.add((i * 7919L) % 10_000 * 1_000_000L);
        }
        assertThat(sample.size()).isEqualTo(10_000);
        assertThat(sample.percentileMs(0.5)).isEqualTo(4999.0);
    }

    @Test
    void rejectsQuantilesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> millis(1).percentileMs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> millis(1).percentileMs(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeRecordsTheDurationAndReturnsTheResult() throws Exception {
        LatencySample sample = new LatencySample();
        assertThat(sample.time(() -> "done")).isEqualTo("done");
        assertThat(sample.size()).isEqualTo(1);
        assertThat(sample.maxMs()).isGreaterThanOrEqualTo(0.0);
    }
}
