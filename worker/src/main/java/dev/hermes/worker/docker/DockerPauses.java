package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.util.List;

/**
 * Docker's pause and unpause on docker-java. A paused container is listed as running by {@code docker ps}, but a
 * {@code status=running} filter leaves it out: its State is {@code paused}, so lists of what holds memory ask for both.
 */
final class DockerPauses {
    static final String PAUSED = "paused";
    static final List<String> RUNNING_OR_PAUSED = List.of("running", PAUSED);

    private final DockerClient docker;

    DockerPauses(DockerClient docker) {
        this.docker = docker;
    }

    void pause(String idOrName) {
        try {
            docker.pauseContainerCmd(idOrName).exec();
        } catch (DockerException e) {
            throw new DockerCallFailedException("pause " + idOrName + ": " + e.getMessage(), e);
        }
    }

    void unpause(String idOrName) {
        try {
            docker.unpauseContainerCmd(idOrName).exec();
        } catch (DockerException e) {
            throw new DockerCallFailedException("unpause " + idOrName + ": " + e.getMessage(), e);
        }
    }
}
