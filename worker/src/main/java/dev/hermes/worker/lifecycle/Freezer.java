package dev.hermes.worker.lifecycle;

import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.metrics.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses runtimes and stops paused ones. Docker 20.10 stops a paused container gracefully by itself (it unpauses it
 * right after sending the signal: measured here 260 ms for {@code docker stop -t 2} of a paused stand-in under an
 * init, exit 143, against 287 ms for unpause then stop); the unpause comes first anyway, so that an engine that
 * does not do so never waits out the stop timeout. {@code docker rm -f} removes a paused container at once.
 */
public final class Freezer {
    private static final Logger log = LoggerFactory.getLogger(Freezer.class);
    /** As RuntimeSpawner stops: the container runs under an init that forwards SIGTERM. */
    private static final int STOP_TIMEOUT_SEC = 2;

    private final Docker docker;
    private final Meters meters;

    public Freezer(Docker docker, Meters meters) {
        this.docker = docker;
        this.meters = meters;
    }

    public void pause(String containerId) {
        meters.docker().called();
        docker.pause(containerId);
    }

    /** Stops (or removes) a container that is paused, or was until a moment ago. */
    public void stopPaused(String containerId, boolean remove) {
        meters.docker().called();
        if (remove) {
            docker.remove(containerId);
            return;
        }
        try {
            docker.unpause(containerId);
        } catch (DockerCallFailedException e) {
            log.debug("container {} was not paused any more: {}", containerId, e.getMessage());
        }
        meters.docker().called();
        docker.stop(containerId, STOP_TIMEOUT_SEC);
    }

    /**
     * Removes the container if it is paused right now (volume kept): a stale paused runtime serves nobody, so a
     * recreate removes it rather than wake it, and the family's next ensure creates today's. Returns whether it did.
     */
    public boolean removeIfPaused(String containerId) {
        meters.docker().called();
        if (docker.inspect(containerId).filter(ContainerInfo::paused).isEmpty()) {
            return false;
        }
        meters.docker().called();
        return docker.remove(containerId);
    }
}
