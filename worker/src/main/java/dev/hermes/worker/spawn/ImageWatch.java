package dev.hermes.worker.spawn;

import dev.hermes.worker.docker.Docker;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link ImageResolver} current: every HERMES_IMAGE_CHECK_SEC (pulling if the policy says so), and at once on
 * a Docker image event (tag, load, pull...: it only looks again). Its own thread, so a slow pull holds up no other
 * chore; a burst of events makes one look-up. When the id changes, {@code onChange} starts the rollout.
 */
public final class ImageWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImageWatch.class);
    private final Docker docker;
    private final ImageResolver resolver;
    private final Duration interval;
    private final Runnable onChange;
    private final AtomicBoolean lookUpQueued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ScheduledExecutorService checks =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hermes-image"));
    private final Thread events = daemon(this::followEvents, "hermes-image-events");
    private volatile Docker.EventStream stream;

    public ImageWatch(Docker docker, ImageResolver resolver, Duration interval, Runnable onChange) {
        this.docker = docker;
        this.resolver = resolver;
        this.interval = interval;
        this.onChange = onChange;
    }

    public ImageWatch start() {
        checks.scheduleWithFixedDelay(
                () -> check(true), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        events.start();
        return this;
    }

    private void check(boolean mayPull) {
        try {
            if (resolver.resolve(mayPull)) {
                onChange.run();
            }
        } catch (RuntimeException e) {
            log.warn("image check failed: {}", e.toString());
        }
    }

    private void lookAgain() {
        if (lookUpQueued.compareAndSet(false, true)) {
            try {
                checks.execute(() -> {
                    lookUpQueued.set(false);
                    check(false);
                });
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void followEvents() {
        long backoffMs = 500;
        while (running.get()) {
            try {
                Docker.EventStream opened = docker.imageEvents(action -> lookAgain());
                stream = opened;
                lookAgain(); // an event may have passed while the stream was down
                opened.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.debug("image event stream failed: {}", e.toString());
            }
            if (running.get()) {
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException e) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running.set(false);
        Docker.EventStream s = stream;
        if (s != null) {
            s.close();
        }
        events.interrupt();
        checks.shutdownNow();
    }
}
