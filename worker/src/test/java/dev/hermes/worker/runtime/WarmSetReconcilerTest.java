package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.FakeFleet;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WarmSetReconcilerTest {
    private final FakeFleet fleet = new FakeFleet();
    private final List<String> died = new CopyOnWriteArrayList<>();
    private final WarmSetReconciler reconciler = new WarmSetReconciler(
            fleet.docker,
            FakeFleet.FLEET,
            fleet.registry,
            (runtime, reason, exitCode, asked) ->
                    died.add(runtime.containerId() + " " + reason + (asked ? " asked" : "")),
            Clock.systemUTC());

    @Test
    void dropsRuntimesWhoseContainerStoppedOrWasReplacedAndKeepsTheRunningOnes() {
        UserId alive = UserId.random();
        UserId stopped = UserId.random();
        UserId replaced = UserId.random();
        Runtime aliveRuntime = fleet.ensurer.ensure(alive, null).runtime();
        Runtime stoppedRuntime = fleet.ensurer.ensure(stopped, null).runtime();
        Runtime replacedRuntime = fleet.ensurer.ensure(replaced, null).runtime();
        fleet.docker.container(stopped.containerName()).orElseThrow().running = false;
        // removed behind the worker's back and created again: same name, another id
        fleet.docker.remove(replacedRuntime.containerId());
        fleet.existingAtVersion(replaced, fleet.settings.current().version(), true);

        int dropped = reconciler.reconcile();

        assertThat(dropped).isEqualTo(2);
        assertThat(fleet.registry.find(alive)).isEqualTo(aliveRuntime);
        assertThat(fleet.registry.find(stopped)).isNull();
        assertThat(fleet.registry.find(replaced)).isNull();
        assertThat(died)
                .containsExactlyInAnyOrder(
                        stoppedRuntime.containerId() + " DIED", replacedRuntime.containerId() + " DIED");
    }

    @Test
    void anEmptyWarmSetCostsNoDockerCall() {
        assertThat(reconciler.reconcile()).isZero();
        assertThat(fleet.docker.calls()).isEmpty();
    }
}
