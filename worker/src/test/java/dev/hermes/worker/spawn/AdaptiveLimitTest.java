package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adaptive concurrency converges: a simulated engine whose throughput peaks at a known concurrency, in simulated time.
 * Bands: after a minute of warm-up the limit stays within a step (25 %) of the peak, give or take the neighbour it
 * re-checks, and the throughput is within 10 % of the engine's best.
 */
class AdaptiveLimitTest {
    private static final Duration SERVICE = Duration.ofMillis(250);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private SimulatedEngine engine(AdaptiveLimit limit, int peak) {
        return new SimulatedEngine(clock, limit, peak, SERVICE, 0.05);
    }

    @Test
    void adaptiveConcurrencyConvergesToAnEnginePeakingAt12() {
        SimulatedEngine engine = engine(new AdaptiveLimit(1, 32, clock), 12);
        engine.run(Duration.ofSeconds(60));

        SimulatedEngine.Run settled = engine.run(Duration.ofSeconds(120));

        // within a step of the peak: a neighbour (25 % either side) is checked again once its measure is stale
        assertThat(settled.limits()).allSatisfy(l -> assertThat(l).isBetween(9, 16));
        assertThat(settled.throughput()).isGreaterThanOrEqualTo(0.9 * engine.throughputAt(12));
    }

    @Test
    void onAnEngineWhoseThroughputStaysFlatPastItsKneeTheLimitClimbsToTheCeilingAndStays() {
        // Docker here: 16 or 32 starts at once give about what 8 give, never less; a queue of spawns is served
        // soonest by the most at once, so "as fast" must not drift the limit down (it once sank to 3 in a burst)
        SimulatedEngine engine = new SimulatedEngine(clock, new AdaptiveLimit(1, 32, clock), 8, SERVICE, 0.0);
        engine.run(Duration.ofSeconds(60));

        SimulatedEngine.Run settled = engine.run(Duration.ofSeconds(60));

        assertThat(settled.limits()).allSatisfy(l -> assertThat(l).isEqualTo(32));
    }

    @Test
    void aBurstOnAnEngineFastestAtTheCeilingReachesTheCeilingWithinItsFirstHundredSpawns() {
        SimulatedEngine engine = new SimulatedEngine(clock, new AdaptiveLimit(1, 32, clock), 32, SERVICE, 0.0);

        List<Integer> limits = engine.run(Duration.ofSeconds(30)).limits();

        // a slow start doubles 8 -> 16 -> 32 (windows of 16 and 32 spawns, plus the spawns of the old limit still in
        // flight at each move); 25 % steps need windows of 16, 20, 24, 30, 38 and 48 to climb to 32: past a burst of
        // 100
        assertThat(limits.subList(0, 100).indexOf(32)).isBetween(0, 79);
    }

    @Test
    void adaptiveConcurrencyConvergesToAnEnginePeakingAt3() {
        SimulatedEngine engine = engine(new AdaptiveLimit(1, 32, clock), 3);
        engine.run(Duration.ofSeconds(60));

        SimulatedEngine.Run settled = engine.run(Duration.ofSeconds(120));

        assertThat(settled.limits()).allSatisfy(l -> assertThat(l).isBetween(2, 6));
        assertThat(settled.throughput()).isGreaterThanOrEqualTo(0.9 * engine.throughputAt(3));
    }

    @Test
    void theLimitNeverExceedsTheCeilingOrGoesBelowTheFloor() {
        SimulatedEngine capped = engine(new AdaptiveLimit(2, 6, clock), 12);
        SimulatedEngine floored = engine(new AdaptiveLimit(5, 32, clock), 1);

        List<Integer> seen = new ArrayList<>(capped.run(Duration.ofSeconds(120)).limits());
        List<Integer> low = floored.run(Duration.ofSeconds(120)).limits();

        assertThat(seen).allSatisfy(l -> assertThat(l).isBetween(2, 6)).contains(6);
        assertThat(low).allSatisfy(l -> assertThat(l).isBetween(5, 32)).contains(5);
    }

    @Test
    void recoversAfterTheEngineGetsSlowThenFastAgain() {
        SimulatedEngine engine = engine(new AdaptiveLimit(1, 32, clock), 12);
        engine.run(Duration.ofSeconds(60));

        engine.become(3, SERVICE.multipliedBy(4));
        engine.run(Duration.ofSeconds(180));
        SimulatedEngine.Run slow = engine.run(Duration.ofSeconds(60));
        engine.become(12, SERVICE);
        engine.run(Duration.ofSeconds(120));
        SimulatedEngine.Run fast = engine.run(Duration.ofSeconds(60));

        assertThat(slow.limits()).allSatisfy(l -> assertThat(l).isBetween(2, 6));
        assertThat(fast.limits()).allSatisfy(l -> assertThat(l).isBetween(9, 16));
        assertThat(fast.throughput()).isGreaterThanOrEqualTo(0.9 * engine.throughputAt(12));
    }

    @Test
    void aWorkerThatNeverFillsItsSlotsKeepsItsLimit() {
        AdaptiveLimit limit = new AdaptiveLimit(1, 32, clock);

        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofMillis(300));
            limit.onSample(250_000_000L, 1, false, limit.epoch());
        }

        assertThat(limit.limit()).isEqualTo(AdaptiveLimit.INITIAL);
    }

    @Test
    void aSpawnThatBeganUnderAnOlderLimitIsNotCounted() {
        AdaptiveLimit limit = new AdaptiveLimit(1, 32, clock);
        for (int i = 0; i < 2 * AdaptiveLimit.INITIAL; i++) { // one window
            limit.onSample(250_000_000L, AdaptiveLimit.INITIAL, true, limit.epoch());
        }
        long moved = limit.epoch();
        int now = limit.limit();

        for (int i = 0; i < 100; i++) {
            limit.onSample(250_000_000L, now, true, moved - 1);
        }

        assertThat(moved).isEqualTo(1);
        assertThat(limit.limit()).isEqualTo(now).isNotEqualTo(AdaptiveLimit.INITIAL);
    }

    @Test
    void startsAtTheOldFixedLimitWithinItsBounds() {
        assertThat(new AdaptiveLimit(1, 32, clock).limit()).isEqualTo(8);
        assertThat(new AdaptiveLimit(1, 4, clock).limit()).isEqualTo(4);
        assertThat(new AdaptiveLimit(10, 32, clock).limit()).isEqualTo(10);
        assertThatThrownBy(() -> new AdaptiveLimit(5, 4, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
