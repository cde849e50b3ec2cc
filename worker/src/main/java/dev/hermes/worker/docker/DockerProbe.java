package dev.hermes.worker.docker;

import java.time.Duration;
import java.util.Optional;

/**
 * The worker's Docker probe, run every {@link #PERIOD}: a fresh connect to the engine's socket each time
 * ({@link EngineListener}), which sees a stopping dockerd within one period, and a ping through docker-java every
 * {@link #PING_EVERY} periods (and every period while Docker is marked down), which sees a hung or refusing API. Only a
 * ping that answers, with the socket taking connections, marks Docker up again.
 */
public final class DockerProbe implements Runnable {
    public static final Duration PERIOD = Duration.ofMillis(100);
    public static final int PING_EVERY = 10;

    private final Docker docker;
    private final Optional<EngineListener> listener;
    private final DockerOutage outage;
    private final Runnable onUnreachable;
    private long ticks;

    /**
     * @param onUnreachable told on every failed check (the event watcher marks the warm set unverified; it is cheap
     *     to repeat)
     */
    public DockerProbe(Docker docker, Optional<EngineListener> listener, DockerOutage outage, Runnable onUnreachable) {
        this.docker = docker;
        this.listener = listener;
        this.outage = outage;
        this.onUnreachable = onUnreachable;
    }

    @Override
    public void run() {
        boolean pingDue = ticks++ % PING_EVERY == 0 || outage.down();
        if (listener.isPresent() && !listener.get().accepts()) {
            unreachable();
            return;
        }
        if (!pingDue) {
            return;
        }
        try {
            docker.ping();
            outage.answered();
        } catch (RuntimeException e) {
            unreachable();
        }
    }

    private void unreachable() {
        outage.unreachable();
        onUnreachable.run();
    }
}
