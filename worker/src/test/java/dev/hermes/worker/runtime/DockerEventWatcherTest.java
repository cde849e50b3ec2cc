package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DockerEventWatcherTest {
    private final FakeFleet fleet = new FakeFleet();
    private final List<String> died = new CopyOnWriteArrayList<>();
    private final RuntimeDeathListener listener = (runtime, reason, exitCode, asked) ->
            died.add(runtime.containerId() + " " + reason + " " + exitCode + (asked ? " asked" : ""));

    private DockerEventWatcher watcher() {
        return new DockerEventWatcher(
                        fleet.docker,
                        FakeFleet.FLEET,
                        fleet.registry,
                        new ContainerDeaths(fleet.registry, ContainerSpec.LABEL_USER, listener, null),
                        new WarmSetReconciler(
                                fleet.docker, FakeFleet.FLEET, fleet.registry, listener, Clock.systemUTC()),
                        () -> false)
                .start();
    }

    @Test
    void aRuntimeWhoseContainerDiesIsForgottenAtOnceWithItsExitCode() {
        UserId dying = UserId.random();
        UserId other = UserId.random();
        Runtime runtime = fleet.ensurer.ensure(dying, null).runtime();
        fleet.ensurer.ensure(other, null);
        try (DockerEventWatcher watcher = watcher()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> watcher.connected() && fleet.docker.following());

            fleet.docker.emit(new ContainerEvent(
                    runtime.containerId(), "die", Map.of(ContainerSpec.LABEL_USER, dying.value(), "exitCode", "137")));

            assertThat(fleet.registry.find(dying)).isNull();
            assertThat(fleet.registry.find(other)).isNotNull();
            assertThat(died).containsExactly(runtime.containerId() + " DIED 137");
        }
    }

    @Test
    void aDeathWhileTheStreamWasBrokenIsFoundByTheReListAndTheWarmSetIsUnverifiedMeanwhile() {
        UserId dying = UserId.random();
        UserId other = UserId.random();
        Runtime runtime = fleet.ensurer.ensure(dying, null).runtime();
        fleet.ensurer.ensure(other, null);
        try (DockerEventWatcher watcher = watcher()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> watcher.connected() && fleet.docker.following());
            assertThat(fleet.registry.unverified()).isFalse();

            fleet.docker.failEvents(true);
            watcher.reopen();
            await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.connected());
            // the death happens while no stream is open: no event will ever tell it
            fleet.docker.container(dying.containerName()).orElseThrow().running = false;
            assertThat(fleet.registry.unverified()).isTrue();
            assertThat(fleet.ensurer.warm(other))
                    .as("no warm answer unverified")
                    .isNull();
            assertThat(fleet.registry.find(dying))
                    .as("still in the warm set until re-listed")
                    .isNotNull();

            fleet.docker.failEvents(false);
            await().atMost(Duration.ofSeconds(5)).until(watcher::connected);

            assertThat(fleet.registry.find(dying)).isNull();
            assertThat(fleet.registry.find(other)).isNotNull();
            assertThat(fleet.registry.unverified()).isFalse();
            assertThat(fleet.ensurer.warm(other)).isNotNull();
            assertThat(died).containsExactly(runtime.containerId() + " DIED 0");
        }
    }
}
