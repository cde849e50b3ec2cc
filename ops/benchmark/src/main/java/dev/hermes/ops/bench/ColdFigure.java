package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * cold: ensureRuntime of fresh users one after another, against the raw API spawn of the same spec.
 * System and raw spawns alternate, so background load on the machine hits both sides alike; one
 * untimed spawn of each warms the JIT and the connections first. Where the system's time went, leg by leg, is
 * in the extras ({@link ColdBreakdown}).
 */
public final class ColdFigure {
    private static final Duration TIMEOUT = Duration.ofSeconds(130);
    private final BenchStack stack;
    private final RuntimeClient client;
    private final RawSpawner raw;

    public ColdFigure(BenchStack stack, RuntimeClient client, RawSpawner raw) {
        this.stack = stack;
        this.client = client;
        this.raw = raw;
    }

    public List<Figure> measure(int count) throws Exception {
        LatencySample system = new LatencySample();
        LatencySample baseline = new LatencySample();
        int warmAnswers = 0;
        ColdBreakdown breakdown = new ColdBreakdown();
        client.ensureRuntime(stack.janitor().systemUser(UserId.random()), TIMEOUT);
        raw.spawn(raw.newSpec());
        raw.drainPhases();
        FleetMetrics fleet = new FleetMetrics(stack.fleet());
        double[] phasesBefore = SpawnPhases.fleetSnapshot(fleet);
        for (int i = 0; i < count; i++) {
            UserId user = stack.janitor().systemUser(UserId.random());
            java.time.Instant sent = Instant.now();
            RuntimeHandle handle = system.time(() -> client.ensureRuntime(user, TIMEOUT));
            breakdown.record(sent, handle, Instant.now());
            if (!handle.coldStart()) {
                warmAnswers++;
            }
            ContainerSpec spec = raw.newSpec();
            baseline.time(() -> raw.spawn(spec));
        }
        Map<String, Object> systemPhases = SpawnPhases.fleetMeans(phasesBefore, SpawnPhases.fleetSnapshot(fleet));
        Map<String, Object> rawPhases = raw.drainPhases();
        stack.janitor().cleanSystem();
        stack.janitor().cleanRaw();
        Figure cold = FigureGroup.spec("cold")
                .of(system.medianMs(), baseline.medianMs())
                .with("n", count)
                .with("system_p95", system.percentileMs(0.95))
                .with("raw_p95", baseline.percentileMs(0.95))
                .with("system_max", system.maxMs())
                .with("raw_max", baseline.maxMs());
        cold = SpawnPhases.with(SpawnPhases.with(SpawnPhases.with(cold, systemPhases), rawPhases), breakdown.summary());
        if (warmAnswers > 0) {
            cold = cold.with("note", warmAnswers + " of " + count + " answers said coldStart=false");
        }
        return List.of(cold);
    }
}
