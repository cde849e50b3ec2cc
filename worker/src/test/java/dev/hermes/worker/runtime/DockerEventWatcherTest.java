package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DockerEventWatcherTest {
    private final FakeFleet fleet = new FakeFleet();

    @Test
    void aRuntimeWhoseContainerDiesIsForgottenAtOnce() {
        UserId dying = UserId.random();
        UserId other = UserId.random();
        Runtime runtime = fleet.ensurer.ensure(dying, null).runtime();
        fleet.ensurer.ensure(other, null);
        List<String> gone = new CopyOnWriteArrayList<>();
        try (DockerEventWatcher watcher = new DockerEventWatcher(
                        fleet.docker, FakeFleet.FLEET, ContainerSpec.LABEL_USER, fleet.registry, gone::add)
                .start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> watcher.connected() && fleet.docker.following());

            fleet.docker.emit(
                    new ContainerEvent(runtime.containerId(), "die", Map.of(ContainerSpec.LABEL_USER, dying.value())));

            assertThat(fleet.registry.find(dying)).isNull();
            assertThat(fleet.registry.find(other)).isNotNull();
            assertThat(gone).containsExactly(runtime.containerId());
        }
    }
}
