package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Cold starts, part of {@link Meters}' catalogue ({@link Meters#spawns()}): hermes_spawn_phase_seconds,
 * hermes_spawns_pending, the spawn limit and its slots, the engine's capacity bound and estimate, and the families
 * in their crash-loop backoff.
 */
public final class SpawnMeters {
    private final MeterRegistry registry;
    private final Map<String, Timer> phases = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();

    SpawnMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("hermes.spawns.pending", pending, AtomicInteger::get)
                .description("spawns started and not yet healthy or failed")
                .register(registry);
    }

    public void phase(String phase, long millis) {
        phases.computeIfAbsent(
                        phase,
                        p -> Timer.builder("hermes.spawn.phase")
                                .tag("phase", p)
                                .serviceLevelObjectives(RequestMeters.ENSURE_SLOS)
                                .description("duration of one spawn phase")
                                .register(registry))
                .record(Duration.ofMillis(millis));
    }

    public AtomicInteger pending() {
        return pending;
    }

    /** The spawn limit (adaptive or fixed), the creates and starts running under it, and those waiting for it. */
    public void slots(Supplier<Number> limit, Supplier<Number> inFlight, Supplier<Number> waiting) {
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

    /** Families this worker answers CRASH_LOOP right now (in their crash-loop backoff). */
    public void crashLoopFamilies(Supplier<Number> count) {
        Gauge.builder("hermes.crash.loop.families", count)
                .description("families in their crash-loop backoff: answered CRASH_LOOP with no Docker call")
                .register(registry);
    }
}
