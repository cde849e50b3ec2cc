package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditPercentilesTest {

    @Test
    void nearestRankOfOneToAHundredIsTheValueAtThatRank() {
        MillisSample sample = new MillisSample();
        for (long v = 100; v >= 1; v--) {
            sample.add(v);
        }

        assertThat(sample.percentiles()).isEqualTo(new Percentiles(100, 50L, 95L, 99L, 100L));
        assertThat(sample.percentile(1)).isEqualTo(1);
        assertThat(sample.percentile(100)).isEqualTo(100);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        MillisSample sample = new MillisSample();
        for (long v : new long[] {2000, 4, 1500, 6}) {
            sample.add(v);
        }

        // sorted 4, 6, 1500, 2000: p50 = rank ceil(2) = 6; p95 = rank ceil(3.8) = 2000
        assertThat(sample.percentiles()).isEqualTo(new Percentiles(4, 6L, 2000L, 2000L, 2000L));
    }

    @Test
    void oneValueIsEveryPercentileAndNoValuesIsEmpty() {
        MillisSample one = new MillisSample();
        one.add(42);

        assertThat(one.percentiles()).isEqualTo(new Percentiles(1, 42L, 42L, 42L, 42L));
        assertThat(new MillisSample().percentiles()).isEqualTo(new Percentiles(0, null, null, null, null));
        assertThatThrownBy(() -> new MillisSample().percentile(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> one.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionValuesKeepExactPercentilesAndAddingAfterReadingStillWorks() {
        MillisSample sample = new MillisSample();
        for (int i = 1_000_000; i >= 1; i--) {
            sample.add(i);
        }

        assertThat(sample.percentiles())
                .isEqualTo(new Percentiles(1_000_000, 500_000L, 950_000L, 990_000L, 1_000_000L));
        sample.add(0);
        assertThat(sample.percentile(100.0 / 1_000_001)).isZero();
    }
}
