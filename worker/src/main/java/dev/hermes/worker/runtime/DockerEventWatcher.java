package dev.hermes.worker.runtime;

import dev.hermes.worker.docker.Docker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Docker's event stream for managed containers, so the worker learns at once when a runtime dies, instead of
 * polling inspect per user ({@link ContainerDeaths}). Each time the stream opens (at start, and after it broke) the
 * fleet's running containers are listed and the warm set reconciled ({@link WarmSetReconciler}): a death while no
 * stream was open is found there. From the moment the stream breaks until that reconcile, the warm set is marked
 * unverified, and a warm answer is checked against Docker first. The stream is reopened with backoff. A stream that
 * opens while the Docker probe has the engine down (a stopping dockerd still serves the connections it had open) leaves
 * the warm set unverified: the probe reopens it once the engine answers again.
 */
public final class DockerEventWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DockerEventWatcher.class);
    /** Short: a stream that is down means warm answers cost an inspect each, so it is retried often. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final Docker docker;
    private final String fleet;
    private final RuntimeRegistry registry;
    private final ContainerDeaths deaths;
    private final WarmSetReconciler reconciler;
    private final BooleanSupplier engineDown;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Docker.EventStream stream;
    private volatile boolean connected;

    public DockerEventWatcher(
            Docker docker,
            String fleet,
            RuntimeRegistry registry,
            ContainerDeaths deaths,
            WarmSetReconciler reconciler,
            BooleanSupplier engineDown) {
        this.engineDown = engineDown;
        this.docker = docker;
        this.fleet = fleet;
        this.registry = registry;
        this.deaths = deaths;
        this.reconciler = reconciler;
        this.thread = new Thread(this::run, "hermes-docker-events");
        thread.setDaemon(true);
    }

    public DockerEventWatcher start() {
        thread.start();
        return this;
    }

    /** Whether the stream is open and the warm set was reconciled since it opened. */
    public boolean connected() {
        return connected;
    }

    private void run() {
        long backoffMs = 200;
        boolean outageLogged = false;
        while (running.get()) {
            long opened = System.nanoTime();
            Docker.EventStream events = null;
            try {
                events = docker.containerEvents(fleet, deaths::on);
                stream = events;
                // opened first, listed second: a death after the list is an event, one before it is not in the list
                int dropped = reconciler.reconcile();
                registry.unverified(engineDown.getAsBoolean());
                connected = true;
                if (outageLogged || dropped > 0) {
                    log.info("docker event stream open again; {} runtimes found dead by re-listing", dropped);
                }
                events.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running.get() && !outageLogged) {
                    log.warn("docker event stream failed: {}; reconnecting with backoff", e.getMessage());
                    outageLogged = true;
                }
            } finally {
                closeQuietly(events);
            }
            connected = false;
            if (!running.get()) {
                return;
            }
            // an event may be missed until the stream is open again and the fleet re-listed
            registry.unverified(true);
            if (System.nanoTime() - opened > Duration.ofSeconds(10).toNanos()) {
                backoffMs = 200;
                outageLogged = false;
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
        }
    }

    /** Ends the open stream, as a Docker restart does: the watcher reopens it and re-lists the fleet. */
    public void reopen() {
        closeQuietly(stream);
    }

    /**
     * Docker did not answer a ping while the stream still looked open. A stopping dockerd closes its API before it
     * stops the containers, and their deaths may never reach this stream: the warm set is unverified from now until
     * the stream is open again and the fleet re-listed.
     */
    public void dockerUnreachable() {
        if (connected) {
            log.warn("Docker does not answer a ping; warm answers are checked against Docker until it does");
            registry.unverified(true);
            reopen();
        }
    }

    private static void closeQuietly(Docker.EventStream events) {
        if (events == null) {
            return;
        }
        try {
            events.close();
        } catch (RuntimeException e) {
            log.debug("closing docker event stream", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        closeQuietly(stream);
        thread.interrupt();
    }
}
