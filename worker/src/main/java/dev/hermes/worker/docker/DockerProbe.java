package dev.hermes.worker.docker;

import java.time.Duration;
import java.util.Optional;

/**
 * The worker's Docker probe, run every {@link #PERIOD}: a fresh connect to the engine's socket each time
 * ({@link EngineListener}), which sees a stopping dockerd within one period, and a ping through docker-java every
 * {@link #PING_EVERY} periods (and every period while Docker is marked down), which sees a hung or refusing API. Only a
 * ping that answers, with the socket taking connections, marks Docker up again. Every {@link #LIVE_RESTORE_EVERY}
 * pings, and at once when Docker answers again, it reads whether the engine runs with live-restore
 * ({@link DockerOutage#keepsContainers}): a reload can switch it, and {@code docker info} costs more than a ping.
 */
public final class DockerProbe implements Runnable {
    public static final Duration PERIOD = Duration.ofMillis(100);
    public static final int PING_EVERY = 10;
    public static final int LIVE_RESTORE_EVERY = 10;

    private final Docker docker;
    private final Optional<EngineListener> listener;
    private final DockerOutage outage;
    private final Runnable onUnreachable;
    private final Runnable onAnsweringAgain;
    private long ticks;
    private long pings;

    /**
     * @param onUnreachable told on every failed check (the event watcher marks the warm set unverified; it is cheap
     *     to repeat)
     * @param onAnsweringAgain told when a ping answers after Docker was down (the event watcher re-lists the fleet)
     */
    public DockerProbe(
            Docker docker,
            Optional<EngineListener> listener,
            DockerOutage outage,
            Runnable onUnreachable,
            Runnable onAnsweringAgain) {
        this.docker = docker;
        this.listener = listener;
        this.outage = outage;
        this.onUnreachable = onUnreachable;
        this.onAnsweringAgain = onAnsweringAgain;
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
        boolean wasDown = outage.down();
        try {
            docker.ping();
        } catch (RuntimeException e) {
            unreachable();
            return;
        }
        if (wasDown || pings++ % LIVE_RESTORE_EVERY == 0) {
            readLiveRestore();
        }
        outage.answered();
        if (wasDown) {
            onAnsweringAgain.run();
        }
    }

    /** A failed read keeps what was read last: the next ping says whether Docker went away. */
    private void readLiveRestore() {
        try {
            outage.keepsContainers(docker.liveRestore());
        } catch (RuntimeException e) {
            // read again at the next due ping
            pings = 0;
        }
    }

    private void unreachable() {
        outage.unreachable();
        onUnreachable.run();
    }
}
