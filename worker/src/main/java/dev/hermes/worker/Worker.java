package dev.hermes.worker;

import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running worker. {@link #close()} drains: stop taking work, finish in-flight, commit, leave the group. */
public final class Worker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private final WorkerConfig config;
    private final RequestLoop loop;
    private final Thread loopThread;
    private final RuntimeRegistry registry;
    private final ActivityTracker activity;
    private final Meters meters;
    private final BooleanSupplier ready;
    private final java.util.function.Supplier<String> notReadyReason;
    private final java.util.concurrent.CompletableFuture<Throwable> loopDied;
    private final int httpPort;
    private final List<AutoCloseable> closeAfterLoop;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Worker(
            WorkerConfig config,
            RequestLoop loop,
            Thread loopThread,
            RuntimeRegistry registry,
            ActivityTracker activity,
            Meters meters,
            BooleanSupplier ready,
            java.util.function.Supplier<String> notReadyReason,
            int httpPort,
            List<AutoCloseable> closeAfterLoop,
            java.util.concurrent.CompletableFuture<Throwable> loopDied) {
        this.notReadyReason = notReadyReason;
        this.loopDied = loopDied;
        this.config = config;
        this.loop = loop;
        this.loopThread = loopThread;
        this.registry = registry;
        this.activity = activity;
        this.meters = meters;
        this.ready = ready;
        this.httpPort = httpPort;
        this.closeAfterLoop = new ArrayList<>(closeAfterLoop);
    }

    public WorkerConfig config() {
        return config;
    }

    public boolean ready() {
        return ready.getAsBoolean();
    }

    /** Why /readyz says 503, or null when ready. */
    public String notReadyReason() {
        return notReadyReason.get();
    }

    /** Completes with the cause if the request loop ends or wedges other than by {@link #close()}. */
    public java.util.concurrent.CompletableFuture<Throwable> loopDied() {
        return loopDied;
    }

    public RuntimeRegistry registry() {
        return registry;
    }

    public ActivityTracker activity() {
        return activity;
    }

    public Meters meters() {
        return meters;
    }

    public int httpPort() {
        return httpPort;
    }

    public java.util.Set<Integer> ownedPartitions() {
        return loop.ownedPartitions();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("worker {} draining", config.workerId());
        try {
            loop.shutdown();
            loopThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable part : closeAfterLoop) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        log.info("worker {} stopped", config.workerId());
    }

    /** Runs the loop; if it ends for any reason but shutdown, {@code died} says why (WorkerMain exits non-zero). */
    static void runLoop(RequestLoop loop, CompletableFuture<Throwable> died) {
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            died.complete(e);
            return;
        }
        if (!loop.stopping()) {
            died.complete(new IllegalStateException("the request loop ended"));
        }
    }
}
