package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * recreate100: N runtimes running through the fleet, then a settings bump; wall time from the save
 * until every one of them runs the new hermes.settings-version and answers /health. Raw: rm -f +
 * spawn of N running raw containers, HERMES_RECREATE_CONCURRENCY x workers at a time.
 */
public final class RecreateFigure {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private final BenchStack stack;
    private final RuntimeClient client;
    private final RawSpawner raw;

    public RecreateFigure(BenchStack stack, RuntimeClient client, RawSpawner raw) {
        this.stack = stack;
        this.client = client;
        this.raw = raw;
    }

    public List<Figure> measure(int count) throws Exception {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(stack.janitor().systemUser(UserId.random()));
        }
        List<CompletableFuture<RuntimeHandle>> ensured = users.stream()
                .map(u -> client.ensureRuntimeAsync(u, Duration.ofSeconds(180)))
                .toList();
        CompletableFuture.allOf(ensured.toArray(CompletableFuture[]::new)).join();
        Set<String> names = users.stream().map(UserId::containerName).collect(Collectors.toSet());
        int others = otherFleetRuntimes(names);
        FleetMetrics fleet = new FleetMetrics(stack.fleet());
        double[] phasesBefore = SpawnPhases.fleetSnapshot(fleet);
        SettingsBump bump = new SettingsBump(stack.settings(), stack.publisher());
        long version = bump.nextVersion();
        double systemMs;
        try (RecreateWatch watch = new RecreateWatch(stack.docker(), stack.agentPort(), names, version)) {
            long t0 = System.nanoTime();
            long saved = bump.bump();
            if (saved != version) {
                throw new HermesException("settings were saved as version " + saved + ", expected " + version
                        + ": someone else changed them during the benchmark");
            }
            watch.await(TIMEOUT);
            systemMs = (System.nanoTime() - t0) / 1e6;
        }
        Map<String, Object> systemPhases = SpawnPhases.fleetMeans(phasesBefore, SpawnPhases.fleetSnapshot(fleet));
        stack.janitor().cleanSystem();

        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(raw.newSpec());
        }
        inPool(8, specs, raw::spawn);
        raw.drainPhases();
        int concurrency = stack.fleet().recreateConcurrency();
        long r0 = System.nanoTime();
        inPool(concurrency, specs, raw::recreate);
        double rawMs = (System.nanoTime() - r0) / 1e6;
        Map<String, Object> rawPhases = raw.drainPhases();
        stack.janitor().cleanRaw();
        Figure figure = FigureGroup.spec("recreate100")
                .of(systemMs, rawMs)
                .with("n", count)
                .with("raw_concurrency", concurrency)
                .with("workers", stack.fleet().workers())
                .with("settings_version", version)
                .with("other_fleet_runtimes_recreated_too", others);
        return List.of(SpawnPhases.with(SpawnPhases.with(figure, systemPhases), rawPhases));
    }

    /** Running runtimes of the stack's fleet that are not the benchmark's: the bump recreates them as well. */
    private int otherFleetRuntimes(Set<String> ours) {
        return (int) stack
                .docker()
                .listContainersCmd()
                .withStatusFilter(List.of("running"))
                .withLabelFilter(Map.of(
                        ContainerSpec.LABEL_MANAGED,
                        "true",
                        ContainerSpec.LABEL_FLEET,
                        stack.fleet().group()))
                .exec()
                .stream()
                .filter(c -> !ours.contains(c.getNames()[0].substring(1)))
                .count();
    }

    private static void inPool(int threads, List<ContainerSpec> specs, Function<ContainerSpec, String> action)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (ContainerSpec spec : specs) {
                futures.add(pool.submit(() -> action.apply(spec)));
            }
            for (Future<String> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
