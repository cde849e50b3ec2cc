package dev.hermes.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** The client's meters; {@link #none()} is the null object when the caller has no registry. */
public final class ClientMetrics {
    private final Timer readyLatency;
    private final Timer failedLatency;
    private final Counter timeouts;

    public ClientMetrics(MeterRegistry registry) {
        Timer.Builder ensure = Timer.builder("hermes.client.ensure")
                .description("ensureRuntime latency seen by the caller")
                .serviceLevelObjectives(
                        Duration.ofMillis(5),
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10));
        this.readyLatency = ensure.tag("outcome", "ready").register(registry);
        this.failedLatency = ensure.tag("outcome", "failed").register(registry);
        this.timeouts = Counter.builder("hermes.client.timeouts")
                .description("ensureRuntime calls that got no answer before their deadline")
                .register(registry);
    }

    public static ClientMetrics none() {
        return new ClientMetrics(new SimpleMeterRegistry());
    }

    void ready(Duration elapsed) {
        readyLatency.record(elapsed);
    }

    void failed(Duration elapsed) {
        failedLatency.record(elapsed);
    }

    void timedOut() {
        timeouts.increment();
    }
}
