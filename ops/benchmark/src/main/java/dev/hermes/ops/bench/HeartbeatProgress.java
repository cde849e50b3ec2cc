package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Watches the simulated worker every 25 ms: its group's committed offsets (the truth: every record
 * below them is finished), its hermes_requests_total{type="Heartbeat"} (handled, if the worker has that
 * meter) and its hermes_docker_calls_total, which must not move. Aborts if the worker starts calling
 * Docker: a simulated runtime that is not warm would otherwise become a real spawn.
 */
public final class HeartbeatProgress implements AutoCloseable {
    private static final double MAX_DOCKER_CALLS = 20;
    private final Admin admin;
    private final String group;
    private final long expected;
    private final MetricsScraper metrics;
    private final double dockerCallsBefore;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile long committedAtNanos;
    private volatile long handledAtNanos;
    private volatile String failure;
    private volatile boolean running = true;

    public HeartbeatProgress(
            Admin admin, String group, long expected, MetricsScraper metrics, double dockerCallsBefore) {
        this.admin = admin;
        this.group = group;
        this.expected = expected;
        this.metrics = metrics;
        this.dockerCallsBefore = dockerCallsBefore;
        this.thread = new Thread(this::run, "bench-heartbeat-progress");
        thread.setDaemon(true);
    }

    public HeartbeatProgress start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running && committedAtNanos == 0) {
                MetricsText text = metrics.scrape();
                if (handledAtNanos == 0 && text.sum("hermes_requests_total", "type=\"Heartbeat\"") >= expected) {
                    handledAtNanos = System.nanoTime();
                }
                if (text.sum("hermes_docker_calls_total") - dockerCallsBefore > MAX_DOCKER_CALLS) {
                    failure = "the simulated worker called Docker: its runtimes were not warm; aborted";
                    return;
                }
                if (committed() >= expected) {
                    committedAtNanos = System.nanoTime();
                    return;
                }
                Thread.sleep(25);
            }
        } catch (Exception e) {
            failure = "watching progress failed: " + e;
        } finally {
            done.countDown();
        }
    }

    private long committed() throws Exception {
        return admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS)
                .values()
                .stream()
                .filter(o -> o != null)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /** Waits until every heartbeat's offset is committed; returns System.nanoTime() of that moment. */
    public long awaitCommitted(Duration timeout) throws InterruptedException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HermesException(
                    "the worker had not committed " + expected + " heartbeats after " + timeout.toSeconds() + " s");
        }
        if (failure != null) {
            throw new HermesException(failure);
        }
        return committedAtNanos;
    }

    /** When the worker's handled counter reached the count, or 0 if it never did (or has no such meter). */
    public long handledAtNanos() {
        return handledAtNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
