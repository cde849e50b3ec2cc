package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The tiered-idle meters, part of {@link Meters}' catalogue ({@link Meters#pauses()}): runtimes paused now, pauses
 * and resumes, and how long a resume (unpause + first /health 200) takes.
 */
public final class PauseMeters {
    private final MeterRegistry registry;
    private final Counter pauses;
    private final Counter resumes;
    private final Counter resumeFailures;
    private final Timer resumeLatency;

    PauseMeters(MeterRegistry registry) {
        this.registry = registry;
        this.pauses = Counter.builder("hermes.pauses")
                .description("runtimes paused after RUNTIME_IDLE_SEC (tiered idle)")
                .register(registry);
        this.resumes = Counter.builder("hermes.resumes")
                .description("paused runtimes unpaused and found healthy by an ensure or a heartbeat")
                .register(registry);
        this.resumeFailures = Counter.builder("hermes.resume.failures")
                .description("resumes that failed (health timeout, container gone): the cold path answered")
                .register(registry);
        this.resumeLatency = Timer.builder("hermes.resume")
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofSeconds(1))
                .description("unpause plus the first /health 200")
                .register(registry);
    }

    /** {@code hermes_runtimes_paused}: this worker's paused runtimes (they keep their memory). */
    public void pausedRuntimes(Supplier<Number> count) {
        Gauge.builder("hermes.runtimes.paused", count)
                .description("runtimes this worker holds paused: no CPU, memory kept")
                .register(registry);
    }

    public void paused() {
        pauses.increment();
    }

    public void resumed(Duration took) {
        resumes.increment();
        resumeLatency.record(took);
    }

    public void resumeFailed() {
        resumeFailures.increment();
    }
}
