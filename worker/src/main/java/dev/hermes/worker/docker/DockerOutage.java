package dev.hermes.worker.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the Docker engine answers: marked down by a failed ping (the 1 s Docker probe) or a call that could not reach
 * it, and up again only by a ping that answered. Cold ensures wait here while it is down ({@link #awaitAnswering}).
 */
public final class DockerOutage {
    private final Clock clock;
    private Instant downSince; // guarded by this
    private volatile boolean keepsContainers;

    public DockerOutage(Clock clock) {
        this.clock = clock;
    }

    /** A ping answered: wakes every waiter. */
    public synchronized void answered() {
        if (downSince != null) {
            downSince = null;
            notifyAll();
        }
    }

    /** A ping or a call could not reach Docker. */
    public synchronized void unreachable() {
        if (downSince == null) {
            downSince = clock.instant();
        }
    }

    /**
     * Whether the engine keeps its containers running while dockerd is away (its live-restore, as the probe last read
     * it). Without it, dockerd stops every container as it stops and kills the rest as it starts again: a container
     * seen answering during the outage is about to die. False until read.
     */
    public boolean keepsContainers() {
        return keepsContainers;
    }

    public void keepsContainers(boolean liveRestore) {
        keepsContainers = liveRestore;
    }

    public synchronized boolean down() {
        return downSince != null;
    }

    /** Since when Docker has not answered, or empty while it does. */
    public synchronized Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }

    /**
     * Blocks until Docker answers again or {@code until} passes (on the injected clock); true if it answers.
     *
     * @throws InterruptedException when the waiting thread is interrupted (e.g. the worker shuts down)
     */
    public synchronized boolean awaitAnswering(Instant until) throws InterruptedException {
        while (downSince != null) {
            long leftMs = Duration.between(clock.instant(), until).toMillis();
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }

    /**
     * Whether {@code failure} says Docker could not be reached (its socket is missing, the connection was refused,
     * reset or timed out: an I/O error under the call), as opposed to Docker answering with a refusal (an HTTP error,
     * which docker-java raises as {@link DockerException}).
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DockerException) {
                return false;
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
