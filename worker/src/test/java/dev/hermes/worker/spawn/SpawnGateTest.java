package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.worker.config.SpawnConcurrency;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpawnGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** Fills every slot, then ends and begins spawns one for one (each begins with all slots taken), then ends all. */
    private static void fullWindow(SpawnGate gate, long engineNanos) throws InterruptedException {
        int n = gate.limit();
        java.util.ArrayDeque<SpawnGate.Permit> held = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            held.add(gate.enter());
        }
        for (int i = 0; i < 3 * n; i++) {
            gate.exit(held.removeFirst(), engineNanos);
            if (gate.inFlight() < gate.limit()) { // a lowered limit: one thread must not wait for itself
                held.add(gate.enter());
            }
        }
        while (!held.isEmpty()) {
            gate.exit(held.removeFirst(), engineNanos);
        }
    }

    @Test
    void fixedKeepsTheCeilingWhateverTheEngineDoes() throws InterruptedException {
        SpawnGate gate = SpawnGate.of(SpawnConcurrency.FIXED, 2, 12, clock);

        fullWindow(gate, 250_000_000L);

        assertThat(gate.limit()).isEqualTo(12);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void adaptiveStartsAtEightAndMovesWhenTheEngineIsMeasured() throws InterruptedException {
        SpawnGate gate = SpawnGate.of(SpawnConcurrency.ADAPTIVE, 2, 32, clock);
        assertThat(gate.limit()).isEqualTo(AdaptiveLimit.INITIAL);

        fullWindow(gate, 250_000_000L);

        assertThat(gate.limit()).isEqualTo(16); // nothing measured above yet: the first climb doubles (slow start)
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void aSpawnThatMeasuredNothingLeavesTheLimitAlone() throws InterruptedException {
        SpawnGate gate = SpawnGate.of(SpawnConcurrency.ADAPTIVE, 2, 32, clock);

        fullWindow(gate, -1);

        assertThat(gate.limit()).isEqualTo(AdaptiveLimit.INITIAL);
    }

    @Test
    void aFloorAboveTheCeilingIsTheCeiling() {
        assertThat(SpawnGate.of(SpawnConcurrency.ADAPTIVE, 2, 1, clock).limit()).isEqualTo(1);
    }
}
