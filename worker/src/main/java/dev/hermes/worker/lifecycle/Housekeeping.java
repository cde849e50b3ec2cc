package dev.hermes.worker.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the periodic chores on their own thread, so they never hold up the poll loop or a family's lane. */
public final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private final ScheduledExecutorService scheduler;

    public Housekeeping() {
        this("hermes-housekeeping");
    }

    /** @param threadName the name of its thread, as thread dumps show it */
    public Housekeeping(String threadName) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** A chore that may fail; a failure is logged and the chore runs again next time. */
    public interface Chore {
        void run() throws Exception;
    }

    public Housekeeping every(String name, Duration initialDelay, Duration period, Chore chore) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        chore.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        log.warn("{} failed: {}", name, e.toString());
                    }
                },
                initialDelay.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs {@code chore} once, soon, on the chores' thread; a failure is logged. */
    public void once(String name, Chore chore) {
        scheduler.execute(() -> {
            try {
                chore.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("{} failed: {}", name, e.toString());
            }
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
