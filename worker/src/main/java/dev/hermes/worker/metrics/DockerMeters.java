package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The Docker engines, part of {@link Meters}' catalogue ({@link Meters#docker()}): hermes_docker_calls_total and
 * hermes_docker_host_up.
 */
public final class DockerMeters {
    private final MeterRegistry registry;
    private final Counter calls;

    DockerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.calls = Counter.builder("hermes.docker.calls")
                .description("Docker API calls made")
                .register(registry);
    }

    public void called() {
        calls.increment();
    }

    public double calls() {
        return calls.count();
    }

    /** {@code hermes_docker_host_up{host}}: 1 while the Docker host answers the 1 s probe, 0 while it does not. */
    public void hostUp(String host, BooleanSupplier up) {
        Gauge.builder("hermes.docker.host.up", () -> up.getAsBoolean() ? 1 : 0)
                .description("whether this Docker host (HERMES_DOCKER_HOSTS) answers")
                .tag("host", host)
                .register(registry);
    }
}
