package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to requests, part of {@link Meters}' catalogue ({@link Meters#requests()}): hermes_ensure_seconds by
 * path, hermes_lane_wait_seconds, hermes_requests_total, hermes_stale_skipped_total, hermes_failures_total,
 * hermes_heartbeats_merged_total and hermes_dlq_records_total.
 */
public final class RequestMeters {
    static final Duration[] ENSURE_SLOS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120)
    };
    private final MeterRegistry registry;
    private final Timer ensureWarm;
    private final Timer ensureCold;
    private final Timer laneWait;
    private final Counter heartbeatsMerged;
    private final Map<String, Counter> handled = new ConcurrentHashMap<>();

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
        this.ensureWarm = ensureTimer("warm");
        this.ensureCold = ensureTimer("cold");
        this.laneWait = Timer.builder("hermes.lane.wait")
                .serviceLevelObjectives(
                        Duration.ofMillis(1),
                        Duration.ofMillis(2),
                        Duration.ofMillis(5),
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1))
                .description("time a record waited from its poll to the start of its work on its family's lane "
                        + "(about 0 when answered inline on the loop thread)")
                .register(registry);
        this.heartbeatsMerged = Counter.builder("hermes.heartbeats.merged")
                .description("heartbeats completed without work: a newer heartbeat or ensure of the family was queued")
                .register(registry);
    }

    private Timer ensureTimer(String path) {
        return Timer.builder("hermes.ensure")
                .tag("path", path)
                .serviceLevelObjectives(ENSURE_SLOS)
                .description("time from request received to answer, by warm or cold path")
                .register(registry);
    }

    public void ensured(boolean cold, Duration elapsed) {
        (cold ? ensureCold : ensureWarm).record(elapsed);
    }

    public void laneWaited(Duration waited) {
        laneWait.record(waited);
    }

    public void handled(String type) {
        handled.computeIfAbsent(
                        type,
                        t -> Counter.builder("hermes.requests")
                                .tag("type", t)
                                .description("request-topic events handled, by type")
                                .register(registry))
                .increment();
    }

    /** A request or heartbeat too old to act on (HERMES_STALE_REQUEST_SEC): not ensured. */
    public void staleSkipped(String type) {
        Counter.builder("hermes.stale.skipped")
                .tag("type", type)
                .description("request-topic events too old to ensure a runtime, by type")
                .register(registry)
                .increment();
    }

    public void failure(String reason) {
        Counter.builder("hermes.failures")
                .tag("reason", reason)
                .description("RuntimeFailed answers by reason")
                .register(registry)
                .increment();
    }

    public void heartbeatMerged() {
        heartbeatsMerged.increment();
    }

    public void dlq(String reason) {
        Counter.builder("hermes.dlq.records")
                .tag("reason", reason)
                .description("records sent to the DLQ")
                .register(registry)
                .increment();
    }
}
