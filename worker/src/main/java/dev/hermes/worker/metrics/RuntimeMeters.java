package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The runtimes this worker owns, part of {@link Meters}' catalogue ({@link Meters#runtimes()}):
 * hermes_runtimes_running, hermes_reaps_total, hermes_recreates_total, hermes_settings_drift_runtimes and
 * hermes_orphans_removed_total.
 */
public final class RuntimeMeters {
    private final MeterRegistry registry;
    private final AtomicLong settingsDrift = new AtomicLong();
    private final Counter recreates;
    private final Counter orphansRemoved;

    RuntimeMeters(MeterRegistry registry) {
        this.registry = registry;
        this.recreates = Counter.builder("hermes.recreates")
                .description("runtimes recreated for new settings")
                .register(registry);
        this.orphansRemoved = Counter.builder("hermes.orphans.removed")
                .description("legacy orphan containers removed")
                .register(registry);
        Gauge.builder("hermes.settings.drift.runtimes", settingsDrift, AtomicLong::get)
                .description(
                        "owned running runtimes on an older settings version or image (a recreate campaign's progress)")
                .register(registry);
    }

    public void running(Supplier<Number> count) {
        Gauge.builder("hermes.runtimes.running", count)
                .description("healthy runtimes this worker owns")
                .register(registry);
    }

    public void reaped(String reason) {
        Counter.builder("hermes.reaps")
                .tag("reason", reason)
                .description("runtimes stopped by reason")
                .register(registry)
                .increment();
    }

    public void recreated() {
        recreates.increment();
    }

    public AtomicLong settingsDrift() {
        return settingsDrift;
    }

    public void orphanRemoved() {
        orphansRemoved.increment();
    }
}
