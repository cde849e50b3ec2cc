package dev.hermes.ops.recreate;

import static dev.hermes.ops.recreate.FleetContainer.State.PAUSED;
import static dev.hermes.ops.recreate.FleetContainer.State.RUNNING;
import static dev.hermes.ops.recreate.FleetContainer.State.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecreateProgressTest {
    private final UserId a = UserId.of("00000000-0000-4000-8000-00000000000a");
    private final UserId b = UserId.of("00000000-0000-4000-8000-00000000000b");
    private final UserId c = UserId.of("00000000-0000-4000-8000-00000000000c");
    private final UserId d = UserId.of("00000000-0000-4000-8000-00000000000d");

    @Test
    void aRunningRuntimeOnAnOlderVersionIsStuckAndOneOnTheTargetOrNewerIsDone() {
        RecreateProgress progress = RecreateProgress.of(
                List.of(
                        new FleetContainer(a, 5, RUNNING),
                        new FleetContainer(b, 6, RUNNING),
                        new FleetContainer(c, 4, RUNNING),
                        new FleetContainer(d, 3, RUNNING)),
                5);

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.converged()).isFalse();
        assertThat(progress.stuck())
                .containsExactly(new RecreateProgress.Stuck(d, 3), new RecreateProgress.Stuck(c, 4));
        assertThat(progress.stuckByVersion()).isEqualTo(Map.of(3L, 1, 4L, 1));
    }

    @Test
    void pausedAndStoppedRuntimesOnAnOlderVersionAreDoneButCountedAsDeferred() {
        RecreateProgress progress = RecreateProgress.of(
                List.of(
                        new FleetContainer(a, 4, PAUSED),
                        new FleetContainer(b, 4, STOPPED),
                        new FleetContainer(c, 5, STOPPED)),
                5);

        assertThat(progress.converged()).isTrue();
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.deferred()).isEqualTo(2);
    }

    @Test
    void aRecreatingFamilyWithoutAContainerIsStuckOnAnUnknownVersionUntilItReappears() {
        RecreateProgress gone = RecreateProgress.of(List.of(new FleetContainer(a, 5, RUNNING)), 5, Set.of(b));
        RecreateProgress back = RecreateProgress.of(
                List.of(new FleetContainer(a, 5, RUNNING), new FleetContainer(b, 5, RUNNING)), 5, Set.of(b));

        assertThat(gone.converged()).isFalse();
        assertThat(gone.stuck()).containsExactly(new RecreateProgress.Stuck(b, RecreateProgress.UNKNOWN_VERSION));
        assertThat(gone.total()).isEqualTo(2);
        assertThat(back.converged()).isTrue();
        assertThat(back.done()).isEqualTo(2);
    }

    @Test
    void anEmptyFleetHasConverged() {
        RecreateProgress progress = RecreateProgress.of(List.of(), 7);

        assertThat(progress.converged()).isTrue();
        assertThat(progress.total()).isZero();
    }

    @Test
    void dockerStatesMapToRunningPausedOrStopped() {
        assertThat(FleetContainer.State.ofDocker("running")).isEqualTo(RUNNING);
        assertThat(FleetContainer.State.ofDocker("restarting")).isEqualTo(RUNNING);
        assertThat(FleetContainer.State.ofDocker("paused")).isEqualTo(PAUSED);
        assertThat(FleetContainer.State.ofDocker("exited")).isEqualTo(STOPPED);
        assertThat(FleetContainer.State.ofDocker("created")).isEqualTo(STOPPED);
        assertThat(FleetContainer.State.ofDocker(null)).isEqualTo(STOPPED);
    }
}
