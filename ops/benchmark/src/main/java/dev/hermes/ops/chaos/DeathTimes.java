package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Instant;

/** Asks Docker, once it answers again, what became of a container: {@link DeadUrl.ContainerLife}. */
final class DeathTimes {
    private final DockerClient docker;

    DeathTimes(DockerClient docker) {
        this.docker = docker;
    }

    DeadUrl.ContainerLife of(String containerName) {
        if (containerName == null) {
            return DeadUrl.ContainerLife.GONE;
        }
        try {
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(containerName).exec().getState();
            return new DeadUrl.ContainerLife(
                    true,
                    Boolean.TRUE.equals(state.getRunning()),
                    epochMs(state.getStartedAt()),
                    epochMs(state.getFinishedAt()));
        } catch (NotFoundException e) {
            return DeadUrl.ContainerLife.GONE;
        } catch (RuntimeException e) {
            return DeadUrl.ContainerLife.GONE;
        }
    }

    /** Docker's RFC 3339 time in epoch ms; 0 for its zero time (0001-01-01) or anything unreadable. */
    static long epochMs(String dockerTime) {
        try {
            long ms = Instant.parse(dockerTime).toEpochMilli();
            return ms > 0 ? ms : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
