package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The one catalogue of the worker's meters, in parts by feature: {@link #requests()}, {@link #spawns()},
 * {@link #runtimes()}, {@link #pauses()}, {@link #docker()} and {@link #partitions()}, plus
 * hermes_degraded here. Each part's javadoc lists its Prometheus names.
 */
public final class Meters {
    private final MeterRegistry registry;
    private final RequestMeters requests;
    private final SpawnMeters spawns;
    private final RuntimeMeters runtimes;
    private final PauseMeters pauses;
    private final DockerMeters docker;
    private final PartitionMeters partitions;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
        this.requests = new RequestMeters(registry);
        this.spawns = new SpawnMeters(registry);
        this.runtimes = new RuntimeMeters(registry);
        this.pauses = new PauseMeters(registry);
        this.docker = new DockerMeters(registry);
        this.partitions = new PartitionMeters(registry);
    }

    /** The null object: meters that go nowhere, for tests and tools. */
    public static Meters none() {
        return new Meters(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public RequestMeters requests() {
        return requests;
    }

    public SpawnMeters spawns() {
        return spawns;
    }

    public RuntimeMeters runtimes() {
        return runtimes;
    }

    /** Tiered idle: paused runtimes, pauses, resumes and resume latency. */
    public PauseMeters pauses() {
        return pauses;
    }

    public DockerMeters docker() {
        return docker;
    }

    public PartitionMeters partitions() {
        return partitions;
    }

    /**
     * {@code hermes_degraded{dependency}}: 1 while the worker serves without {@code dependency} (PostgreSQL: cold
     * spawns on the last settings and accounts read), 0 otherwise.
     */
    public void degraded(String dependency, BooleanSupplier down) {
        Gauge.builder("hermes.degraded", () -> down.getAsBoolean() ? 1 : 0)
                .description("1 while the worker serves without this dependency, on what it read last")
                .tag("dependency", dependency)
                .register(registry);
    }
}
