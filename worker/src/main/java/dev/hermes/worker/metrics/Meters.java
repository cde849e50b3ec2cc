package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one catalogue of the worker's meters. Prometheus names: hermes_ensure_seconds,
 * hermes_spawn_phase_seconds, hermes_runtimes_running, hermes_spawns_pending, hermes_partition_queue_depth,
 * hermes_partitions_paused, hermes_reaps_total, hermes_failures_total, hermes_recreates_total,
 * hermes_settings_drift_runtimes, hermes_orphans_removed_total, hermes_dlq_records_total,
 * hermes_consumer_lag, hermes_docker_calls_total, hermes_requests_total, hermes_records_moved_total,
 * hermes_stale_skipped_total, hermes_record_write_retries_total, hermes_partitions_halted, hermes_spawn_limit,
 * hermes_spawn_in_flight, hermes_spawn_waiting, hermes_lane_wait_seconds.
 */
public final class Meters {
    private static final Duration[] ENSURE_SLOS = {
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
    private final Map<String, Timer> phases = new ConcurrentHashMap<>();
    private final Map<String, Counter> handled = new ConcurrentHashMap<>();
    private final AtomicInteger spawnsPending = new AtomicInteger();
    private final AtomicInteger partitionsPaused = new AtomicInteger();
    private final AtomicLong settingsDrift = new AtomicLong();
    private final Counter recreates;
    private final Counter orphansRemoved;
    private final Counter dockerCalls;
    private final Counter recordsMoved;
    private final Counter writeRetries;
    private final Counter heartbeatsMerged;
    private final AtomicInteger partitionsHalted = new AtomicInteger();
    private final Map<Integer, Meter.Id> partitionGauges = new ConcurrentHashMap<>();
    private final PauseMeters pauses;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
        this.pauses = new PauseMeters(registry);
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
        this.recreates = Counter.builder("hermes.recreates")
                .description("runtimes recreated for new settings")
                .register(registry);
        this.orphansRemoved = Counter.builder("hermes.orphans.removed")
                .description("legacy orphan containers removed")
                .register(registry);
        this.dockerCalls = Counter.builder("hermes.docker.calls")
                .description("Docker API calls made")
                .register(registry);
        this.recordsMoved = Counter.builder("hermes.records.moved")
                .description("request records found off their key's partition and moved to it")
                .register(registry);
        this.writeRetries = Counter.builder("hermes.record.write.retries")
                .description("DLQ or move writes retried before their record may be committed")
                .register(registry);
        this.heartbeatsMerged = Counter.builder("hermes.heartbeats.merged")
                .description("heartbeats completed without work: a newer heartbeat or ensure of the family was queued")
                .register(registry);
        Gauge.builder("hermes.partitions.halted", partitionsHalted, AtomicInteger::get)
                .description("request partitions stopped because a record's DLQ or move write keeps failing")
                .register(registry);
        Gauge.builder("hermes.spawns.pending", spawnsPending, AtomicInteger::get)
                .description("spawns started and not yet healthy or failed")
                .register(registry);
        Gauge.builder("hermes.partitions.paused", partitionsPaused, AtomicInteger::get)
                .description("request partitions paused for backpressure or state restore")
                .register(registry);
        Gauge.builder("hermes.settings.drift.runtimes", settingsDrift, AtomicLong::get)
                .description(
                        "owned running runtimes on an older settings version or image (a recreate campaign's progress)")
                .register(registry);
    }

    /** The null object: meters that go nowhere, for tests and tools. */
    public static Meters none() {
        return new Meters(new SimpleMeterRegistry());
    }

    private Timer ensureTimer(String path) {
        return Timer.builder("hermes.ensure")
                .tag("path", path)
                .serviceLevelObjectives(ENSURE_SLOS)
                .description("time from request received to answer, by warm or cold path")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Tiered idle: paused runtimes, pauses, resumes and resume latency. */
    public PauseMeters pauses() {
        return pauses;
    }

    public void laneWaited(Duration waited) {
        laneWait.record(waited);
    }

    public void ensured(boolean cold, Duration elapsed) {
        (cold ? ensureCold : ensureWarm).record(elapsed);
    }

    public void phase(String phase, long millis) {
        phases.computeIfAbsent(
                        phase,
                        p -> Timer.builder("hermes.spawn.phase")
                                .tag("phase", p)
                                .serviceLevelObjectives(ENSURE_SLOS)
                                .description("duration of one spawn phase")
                                .register(registry))
                .record(Duration.ofMillis(millis));
    }

    public void heartbeatMerged() {
        heartbeatsMerged.increment();
    }

    public void failure(String reason) {
        Counter.builder("hermes.failures")
                .tag("reason", reason)
                .description("RuntimeFailed answers by reason")
                .register(registry)
                .increment();
    }

    public void reaped(String reason) {
        Counter.builder("hermes.reaps")
                .tag("reason", reason)
                .description("runtimes stopped by reason")
                .register(registry)
                .increment();
    }

    public void dlq(String reason) {
        Counter.builder("hermes.dlq.records")
                .tag("reason", reason)
                .description("records sent to the DLQ")
                .register(registry)
                .increment();
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

    public void recordMoved() {
        recordsMoved.increment();
    }

    public void recordWriteRetried() {
        writeRetries.increment();
    }

    public AtomicInteger partitionsHalted() {
        return partitionsHalted;
    }

    /** A request or heartbeat too old to act on (HERMES_STALE_REQUEST_SEC): not ensured. */
    public void staleSkipped(String type) {
        Counter.builder("hermes.stale.skipped")
                .tag("type", type)
                .description("request-topic events too old to ensure a runtime, by type")
                .register(registry)
                .increment();
    }

    public void recreated() {
        recreates.increment();
    }

    public void orphanRemoved() {
        orphansRemoved.increment();
    }

    public void dockerCall() {
        dockerCalls.increment();
    }

    public double dockerCalls() {
        return dockerCalls.count();
    }

    public AtomicInteger spawnsPending() {
        return spawnsPending;
    }

    public AtomicInteger partitionsPaused() {
        return partitionsPaused;
    }

    public AtomicLong settingsDrift() {
        return settingsDrift;
    }

    public void runtimesRunning(Supplier<Number> count) {
        Gauge.builder("hermes.runtimes.running", count)
                .description("healthy runtimes this worker owns")
                .register(registry);
    }

    /** The spawn limit (adaptive or fixed), the creates and starts running under it, and those waiting for it. */
    public void spawnSlots(Supplier<Number> limit, Supplier<Number> inFlight, Supplier<Number> waiting) {
        Gauge.builder("hermes.spawn.limit", limit)
                .description("Docker creates/starts allowed at once now")
                .register(registry);
        Gauge.builder("hermes.spawn.in.flight", inFlight)
                .description("Docker creates/starts running")
                .register(registry);
        Gauge.builder("hermes.spawn.waiting", waiting)
                .description("spawns waiting for a slot")
                .register(registry);
    }

    /** {@code hermes_docker_host_up{host}}: 1 while the Docker host answers the 1 s probe, 0 while it does not. */
    public void dockerHostUp(String host, java.util.function.BooleanSupplier up) {
        Gauge.builder("hermes.docker.host.up", () -> up.getAsBoolean() ? 1 : 0)
                .description("whether this Docker host (HERMES_DOCKER_HOSTS) answers")
                .tag("host", host)
                .register(registry);
    }

    /** Families this worker answers CRASH_LOOP right now (in their crash-loop backoff). */
    public void crashLoopFamilies(Supplier<Number> count) {
        Gauge.builder("hermes.crash.loop.families", count)
                .description("families in their crash-loop backoff: answered CRASH_LOOP with no Docker call")
                .register(registry);
    }

    /**
     * HERMES_MAX_RUNTIMES and this worker's estimate of the runtimes on the engine (cold starts in flight included);
     * refusals are {@code hermes.failures{reason=CAPACITY}}, evictions {@code hermes.reaps{reason=EVICTED}}.
     */
    public void engineCapacity(Supplier<Number> bound, Supplier<Number> estimate) {
        Gauge.builder("hermes.engine.runtimes.bound", bound)
                .description("HERMES_MAX_RUNTIMES: the most runtimes this Docker engine may run")
                .register(registry);
        Gauge.builder("hermes.engine.runtimes.estimate", estimate)
                .description(
                        "runtimes on this Docker engine as far as this worker knows, cold starts in flight included")
                .register(registry);
    }

    /**
     * {@code hermes_degraded{dependency}}: 1 while the worker serves without {@code dependency} (PostgreSQL: cold
     * spawns on the last settings and accounts read), 0 otherwise.
     */
    public void degraded(String dependency, java.util.function.BooleanSupplier down) {
        Gauge.builder("hermes.degraded", () -> down.getAsBoolean() ? 1 : 0)
                .description("1 while the worker serves without this dependency, on what it read last")
                .tag("dependency", dependency)
                .register(registry);
    }

    /** Per-partition gauges, registered while the partition is owned. */
    public void partitionOwned(int partition, Supplier<Number> queueDepth, Supplier<Number> lag) {
        Tags tags = Tags.of("partition", Integer.toString(partition));
        partitionGauges.put(
                partition,
                Gauge.builder("hermes.partition.queue.depth", queueDepth)
                        .tags(tags)
                        .description("records received and not yet finished")
                        .register(registry)
                        .getId());
        Gauge.builder("hermes.consumer.lag", lag)
                .tags(tags)
                .description("records behind the partition's end")
                .register(registry);
    }

    public void partitionReleased(int partition) {
        Meter.Id id = partitionGauges.remove(partition);
        if (id != null) {
            registry.remove(id);
            registry.remove(new Meter.Id(
                    "hermes.consumer.lag",
                    Tags.of("partition", Integer.toString(partition)),
                    null,
                    null,
                    Meter.Type.GAUGE));
        }
    }
}
