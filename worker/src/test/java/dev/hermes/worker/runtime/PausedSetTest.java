package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PausedSetTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final UserId user = UserId.random();
    private final Runtime runtime = Runtime.of(user, "c1", "http://127.0.0.1:40001", 1, T0);

    @Test
    void aPausedRuntimeLeavesTheWarmSetAndKeepsItsFirstPauseTime() {
        registry.put(runtime);

        assertThat(registry.pause(user, "c1", T0.plusSeconds(5))).isTrue();
        assertThat(registry.pause(user, "c1", T0.plusSeconds(9))).isTrue();

        assertThat(registry.find(user)).isNull();
        assertThat(registry.findPaused(user)).isEqualTo(new PausedRuntime(runtime, T0.plusSeconds(5)));
        assertThat(registry.pausedCount()).isEqualTo(1);
    }

    @Test
    void aPauseOfAnotherContainerThanTheWarmOneChangesNothing() {
        registry.put(runtime);

        assertThat(registry.pause(user, "c2", T0)).isFalse();

        assertThat(registry.find(user)).isEqualTo(runtime);
        assertThat(registry.findPaused(user)).isNull();
    }

    @Test
    void aPausedRuntimeWhoseContainerDiesOnlyLeavesThePausedSetAndIsNotReportedAsAWarmDeath() {
        registry.put(runtime);
        registry.pause(user, "c1", T0);

        assertThat(registry.containerGone(user, "c1")).isEmpty();

        assertThat(registry.findPaused(user)).isNull();
    }

    @Test
    void aRestoredPausedRuntimeNeverReplacesAWarmOne() {
        registry.put(runtime);

        registry.restorePaused(new PausedRuntime(runtime, T0));

        assertThat(registry.findPaused(user)).isNull();
        assertThat(registry.find(user)).isEqualTo(runtime);
    }

    @Test
    void takingAPausedRuntimeRemovesIt() {
        registry.restorePaused(new PausedRuntime(runtime, T0));

        assertThat(registry.takePaused(user).runtime()).isEqualTo(runtime);
        assertThat(registry.takePaused(user)).isNull();
        assertThat(registry.pausedCount()).isZero();
    }
}
