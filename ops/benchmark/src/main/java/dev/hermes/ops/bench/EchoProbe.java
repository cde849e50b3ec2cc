package dev.hermes.ops.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The head-of-line probe's raw baseline: while the raw burst runs, a bare Kafka echo round trip every 10 ms, paced
 * like {@link HolProbe} (the next one starts 10 ms after the previous one started, or at once if it took longer).
 * What the machine's load alone does to a Kafka round trip, without any worker.
 */
public final class EchoProbe implements AutoCloseable {
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();
    private final KafkaEcho echo;
    private final LatencySample latencies = new LatencySample();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    public EchoProbe(KafkaEcho echo) {
        this.echo = echo;
        this.thread = new Thread(this::run, "bench-echo-probe");
        thread.setDaemon(true);
    }

    public EchoProbe start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            long started = System.nanoTime();
            try {
                latencies.add(echo.roundTripNanos());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
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

    /** Stops after the round trip in flight; returns the latencies recorded. */
    public LatencySample stop() throws InterruptedException {
        running = false;
        thread.join(15_000);
        return latencies;
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
