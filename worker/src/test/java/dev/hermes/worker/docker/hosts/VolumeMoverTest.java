package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.ContainerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeMoverTest {

    @Test
    void aCopysLabelsAreTheSourcesOnTheNewHostAndSayWhereAndWhenTheCopyCameFrom() {
        Map<String, String> source = Map.of(
                ContainerSpec.LABEL_HOST, "b",
                ContainerSpec.LABEL_PUBLISH_ADDRESS, "127.0.0.2",
                ContainerSpec.LABEL_FLEET, "fleet-a");
        DockerHost a = new DockerHost("a", "unix:///var/run/docker.sock", "127.0.0.1", 10);

        Map<String, String> labels = VolumeMover.targetLabels(source, a, "b", "2026-12-01T09:00:00Z");

        assertThat(labels)
                .containsEntry(ContainerSpec.LABEL_HOST, "a")
                .containsEntry(ContainerSpec.LABEL_PUBLISH_ADDRESS, "127.0.0.1")
                .containsEntry(ContainerSpec.LABEL_FLEET, "fleet-a")
                .containsEntry(UnfinishedMoves.LABEL_MOVE_FROM, "b")
                .containsEntry(UnfinishedMoves.LABEL_MOVE_AT, "2026-12-01T09:00:00Z");
    }
}
