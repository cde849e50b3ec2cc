package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Head-of-line probe: while a burst of cold spawns runs, asks for an already-warm runtime every
 * 10 ms (sequentially: the next call starts 10 ms after the previous one started, or at once if it
 * took longer) and records each latency.
 */
public final class HolProbe implements AutoCloseable {
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();
    private final RuntimeClient client;
    private final UserId warmUser;
    private final LatencySample latencies = new LatencySample();
    private final EnsureLegs legs = new EnsureLegs();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    public HolProbe(RuntimeClient client, UserId warmUser) {
        this.client = client;
        this.warmUser = warmUser;
        this.thread = new Thread(this::run, "bench-hol-probe");
        thread.setDaemon(true);
    }

    public HolProbe start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            long started = System.nanoTime();
            try {
                Instant sent = Instant.now();
                RuntimeHandle handle = client.ensureRuntime(warmUser, Duration.ofSeconds(30));
                latencies.add(System.nanoTime() - started);
                legs.record(sent, handle, Instant.now());
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
            long sleepNanos = started + INTERVAL_NANOS - System.nanoTime();
            if (sleepNanos > 0) {
                try {
                    Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops after the call in flight; returns the latencies recorded. */
    public LatencySample stop() throws InterruptedException {
        running = false;
        thread.join(35_000);
        return latencies;
    }

    public EnsureLegs legs() {
        return legs;
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
