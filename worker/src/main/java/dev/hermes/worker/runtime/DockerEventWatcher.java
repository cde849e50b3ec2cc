package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.Docker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Docker's event stream for managed containers, so the worker learns at once when a runtime
 * dies, instead of polling inspect per user. If the stream breaks, every cached runtime is forgotten
 * (an event may have been missed) and the stream is reopened with backoff.
 */
public final class DockerEventWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DockerEventWatcher.class);
    private final Docker docker;
    private final RuntimeRegistry registry;
    private final Consumer<String> onContainerGone;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Docker.EventStream stream;
    private volatile boolean connected;

    private final String fleet;
    private final String userLabel;

    /** {@code userLabel}: the container label that holds the family's user id. */
    public DockerEventWatcher(
            Docker docker, String fleet, String userLabel, RuntimeRegistry registry, Consumer<String> onContainerGone) {
        this.docker = docker;
        this.fleet = fleet;
        this.userLabel = userLabel;
        this.registry = registry;
        this.onContainerGone = onContainerGone;
        this.thread = new Thread(this::run, "hermes-docker-events");
        thread.setDaemon(true);
    }

    public DockerEventWatcher start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    private void run() {
        long backoffMs = 200;
        boolean outageLogged = false;
        while (running.get()) {
            long opened = System.nanoTime();
            try {
                Docker.EventStream events = docker.containerEvents(fleet, this::handle);
                stream = events;
                connected = true;
                events.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running.get() && !outageLogged) {
                    log.warn("docker event stream failed: {}; reconnecting with backoff", e.getMessage());
                    outageLogged = true;
                }
            }
            connected = false;
            if (System.nanoTime() - opened > Duration.ofSeconds(10).toNanos()) {
                backoffMs = 200;
                outageLogged = false;
            }
            if (running.get()) {
                registry.clear();
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, Duration.ofSeconds(10).toMillis());
            }
        }
    }

    private void handle(ContainerEvent event) {
        String id = event.containerId();
        if (id == null) {
            return;
        }
        registry.containerGone(userOf(event), id)
                .ifPresent(r ->
                        log.info("runtime {} of user {} is gone ({})", r.containerName(), r.userId(), event.action()));
        onContainerGone.accept(id);
    }

    /** The family, from the container's user-id label that Docker copies into the event; null if absent. */
    private UserId userOf(ContainerEvent event) {
        Map<String, String> attributes = event.attributes();
        String value = attributes == null ? null : attributes.get(userLabel);
        return value == null ? null : UserId.parse(value.getBytes(StandardCharsets.US_ASCII));
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
        try {
            Docker.EventStream s = stream;
            if (s != null) {
                s.close();
            }
        } catch (Exception e) {
            log.debug("closing docker event stream", e);
        }
        thread.interrupt();
    }
}
