package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * burst100: N fresh users requested at once (ensureRuntimeAsync), wall time until all are READY,
 * against N raw API spawns started at once on N threads until all are healthy. Everything is removed
 * between the two sides, so both start from the same state. hol_ratio: the p99 of a warm user's
 * ensure latency, asked every 10 ms from a second client while the system side runs, against the p99 of a bare
 * Kafka echo round trip asked at the same pace while the raw side runs: it separates head-of-line blocking in the
 * worker from a 2-core machine starved by the burst's booting containers.
 */
public final class BurstFigures {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private final BenchStack stack;
    private final RuntimeClient client;
    private final RuntimeClient holClient;
    private final RawSpawner raw;

    public BurstFigures(BenchStack stack, RuntimeClient client, RuntimeClient holClient, RawSpawner raw) {
        this.stack = stack;
        this.client = client;
        this.holClient = holClient;
        this.raw = raw;
    }

    public List<Figure> measure(int count) throws Exception {
        UserId warmUser = stack.janitor().systemUser(UserId.random());
        holClient.ensureRuntime(warmUser, Duration.ofSeconds(130));
        for (int i = 0; i < 50; i++) {
            holClient.ensureRuntime(warmUser, Duration.ofSeconds(10));
        }
        FamilyBurst burst = new FamilyBurst(client, stack.janitor(), TIMEOUT);
        List<UserId> users = burst.newFamilies(count);
        FleetMetrics workers = new FleetMetrics(stack.fleet());
        double[] warmBefore = workers.warmEnsures();
        double[] phasesBefore = SpawnPhases.fleetSnapshot(workers);
        double systemMs;
        LatencySample holLatencies;
        int holFailures;
        EnsureLegs holLegs;
        try (HolProbe hol = new HolProbe(holClient, warmUser).start()) {
            Thread.sleep(200);
            systemMs = burst.requestAllMs(users);
            holLatencies = hol.stop();
            holFailures = hol.failures();
            holLegs = hol.legs();
        }
        double holInWorkerMeanMs = FleetMetrics.meanMs(warmBefore, workers.warmEnsures());
        Map<String, Object> systemPhases = SpawnPhases.fleetMeans(phasesBefore, SpawnPhases.fleetSnapshot(workers));
        stack.janitor().cleanSystem();
        raw.drainPhases();
        double rawMs;
        LatencySample echoLatencies;
        int echoFailures;
        try (KafkaEcho echo = new KafkaEcho(
                        stack.env().bootstrapServers(),
                        stack.topics(),
                        stack.topics().prefix("hol-echo"),
                        WarmFigures.sampleRequest(warmUser),
                        WarmFigures.sampleReply(warmUser),
                        false);
                EchoProbe echoProbe = new EchoProbe(echo)) {
            for (int i = 0; i < 50; i++) {
                echo.roundTripNanos();
            }
            echoProbe.start();
            Thread.sleep(200);
            rawMs = rawBurst(count);
            echoLatencies = echoProbe.stop();
            echoFailures = echoProbe.failures();
        }
        Map<String, Object> rawPhases = raw.drainPhases();
        stack.janitor().cleanRaw();
        Figure hol = FigureGroup.spec("hol_ratio")
                .of(holLatencies.percentileMs(0.99), echoLatencies.percentileMs(0.99))
                .with("n", holLatencies.size())
                .with("p50", holLatencies.medianMs())
                .with("max", holLatencies.maxMs())
                .with("failures", holFailures)
                .with("raw_n", echoLatencies.size())
                .with("raw_p50", echoLatencies.medianMs())
                .with("raw_max", echoLatencies.maxMs())
                .with("raw_failures", echoFailures)
                .with("in_worker_mean_ms", holInWorkerMeanMs);
        for (var e : holLegs.summary().entrySet()) {
            hol = hol.with(e.getKey(), e.getValue());
        }
        Figure figure = FigureGroup.spec("burst100")
                .of(systemMs, rawMs)
                .with("n", count)
                .with("system_max_concurrent_spawns_per_worker", stack.env().get("HERMES_MAX_CONCURRENT_SPAWNS", "64"))
                .with("workers", stack.fleet().workers());
        return List.of(SpawnPhases.with(SpawnPhases.with(figure, systemPhases), rawPhases), hol);
    }

    private double rawBurst(int count) throws Exception {
        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(raw.newSpec());
        }
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> spawns = new ArrayList<>();
            for (ContainerSpec spec : specs) {
                spawns.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return raw.spawn(spec);
                }));
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            for (Future<String> spawn : spawns) {
                spawn.get();
            }
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            threads.shutdownNow();
        }
    }
}
