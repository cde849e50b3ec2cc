package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReapTierTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ReapPolicy TIERED =
            new ReapPolicy(Duration.ofMinutes(30), false, 4, true, Duration.ofHours(4));
    private static final ReapPolicy STOP_AT_ONCE = new ReapPolicy(Duration.ofMinutes(30), false, 4);

    @Test
    void aRunningRuntimeIdleLessThanTheIdleTimeoutIsKept() {
        assertThat(ReapTier.of(false, NOW.minus(Duration.ofMinutes(29)), null, NOW, TIERED))
                .isEqualTo(ReapTier.KEEP);
    }

    @Test
    void aRunningRuntimeIdleLongerIsPausedWithTieredIdleAndStoppedWithout() {
        Instant lastActive = NOW.minus(Duration.ofMinutes(31));
        assertThat(ReapTier.of(false, lastActive, null, NOW, TIERED)).isEqualTo(ReapTier.PAUSE);
        assertThat(ReapTier.of(false, lastActive, null, NOW, STOP_AT_ONCE)).isEqualTo(ReapTier.STOP);
    }

    @Test
    void aPausedRuntimeIsStoppedOnlyAfterRuntimeStopSecPaused() {
        Instant lastActive = NOW.minus(Duration.ofHours(10));
        assertThat(ReapTier.of(true, lastActive, NOW.minus(Duration.ofHours(3)), NOW, TIERED))
                .isEqualTo(ReapTier.KEEP);
        assertThat(ReapTier.of(true, lastActive, NOW.minus(Duration.ofHours(4)), NOW, TIERED))
                .isEqualTo(ReapTier.STOP);
    }

    @Test
    void aPausedRuntimeOfUnknownPauseTimeCountsAsPausedSinceItBecameIdleEnough() {
        // idle 2 h: paused (as far as anyone can tell) 1.5 h ago, so 2.5 h to go
        assertThat(ReapTier.of(true, NOW.minus(Duration.ofHours(2)), null, NOW, TIERED))
                .isEqualTo(ReapTier.KEEP);
        // idle 5 h: paused 4.5 h ago
        assertThat(ReapTier.of(true, NOW.minus(Duration.ofHours(5)), null, NOW, TIERED))
                .isEqualTo(ReapTier.STOP);
    }

    @Test
    void runtimeStopSecZeroStopsAPausedRuntimeAtTheNextCycle() {
        ReapPolicy stopSoon = new ReapPolicy(Duration.ofMinutes(30), false, 4, true, Duration.ZERO);
        assertThat(ReapTier.of(true, NOW.minus(Duration.ofHours(1)), NOW, NOW, stopSoon))
                .isEqualTo(ReapTier.STOP);
    }

    @Test
    void withoutTieredIdleAPausedRuntimeIsStoppedOnceIdleLikeARunningOne() {
        assertThat(ReapTier.of(true, NOW.minus(Duration.ofMinutes(31)), null, NOW, STOP_AT_ONCE))
                .isEqualTo(ReapTier.STOP);
        assertThat(ReapTier.of(true, NOW.minus(Duration.ofMinutes(1)), null, NOW, STOP_AT_ONCE))
                .isEqualTo(ReapTier.KEEP);
    }
}
