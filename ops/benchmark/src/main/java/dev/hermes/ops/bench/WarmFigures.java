package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * warm_p50 / warm_p99 / warm_p999: sequential ensureRuntime of one running runtime from one client,
 * against bare Kafka echo round trips through the same broker. The sides alternate in blocks of 250,
 * after 200 untimed calls of each, so all see the same machine. A second echo that, like the worker,
 * sends an audit record before each reply is reported as raw_with_audit_* (where-the-time-goes).
 */
public final class WarmFigures {
    private static final int WARM_UP = 200;
    private static final int BLOCK = 250;
    private final BenchStack stack;
    private final RuntimeClient client;

    public WarmFigures(BenchStack stack, RuntimeClient client) {
        this.stack = stack;
        this.client = client;
    }

    public List<Figure> measure(int count) throws Exception {
        UserId user = stack.janitor().systemUser(UserId.random());
        client.ensureRuntime(user, Duration.ofSeconds(130));
        LatencySample system = new LatencySample();
        LatencySample baseline = new LatencySample();
        EnsureLegs legs = new EnsureLegs();
        double inWorkerMeanMs;
        LatencySample withAudit = new LatencySample();
        try (KafkaEcho echo = new KafkaEcho(
                        stack.env().bootstrapServers(),
                        stack.topics(),
                        stack.topics().prefix("warm"),
                        sampleRequest(user),
                        sampleReply(user),
                        false);
                KafkaEcho auditingEcho = new KafkaEcho(
                        stack.env().bootstrapServers(),
                        stack.topics(),
                        stack.topics().prefix("warm-audit"),
                        sampleRequest(user),
                        sampleReply(user),
                        true)) {
            for (int i = 0; i < WARM_UP; i++) {
                client.ensureRuntime(user, Duration.ofSeconds(10));
                echo.roundTripNanos();
                auditingEcho.roundTripNanos();
            }
            FleetMetrics workers = new FleetMetrics(stack.fleet());
            double[] before = workers.warmEnsures();
            while (system.size() < count) {
                int block = Math.min(BLOCK, count - system.size());
                for (int i = 0; i < block; i++) {
                    Instant sent = Instant.now();
                    RuntimeHandle handle = system.time(() -> client.ensureRuntime(user, Duration.ofSeconds(10)));
                    legs.record(sent, handle, Instant.now());
                }
                for (int i = 0; i < block; i++) {
                    baseline.add(echo.roundTripNanos());
                }
                for (int i = 0; i < block; i++) {
                    withAudit.add(auditingEcho.roundTripNanos());
                }
            }
            inWorkerMeanMs = FleetMetrics.meanMs(before, workers.warmEnsures());
        }
        stack.janitor().cleanSystem();
        return List.of(
                legs.addTo(figure("warm_p50", 0.50, system, baseline))
                        .with("in_worker_mean_ms", inWorkerMeanMs)
                        .with("raw_with_audit_p50_ms", withAudit.medianMs())
                        .with("raw_with_audit_p99_ms", withAudit.percentileMs(0.99)),
                figure("warm_p99", 0.99, system, baseline),
                figure("warm_p999", 0.999, system, baseline));
    }

    private static Figure figure(String name, double q, LatencySample system, LatencySample baseline) {
        return FigureGroup.spec(name)
                .of(system.percentileMs(q), baseline.percentileMs(q))
                .with("n", system.size())
                .with("system_max", system.maxMs())
                .with("raw_max", baseline.maxMs());
    }

    /** A RuntimeRequested of the real size, for the echo baselines. */
    static byte[] sampleRequest(UserId user) {
        Instant now = Instant.now();
        return new EventCodec()
                .encode(new RuntimeRequested(
                        UUID.randomUUID(),
                        now,
                        user,
                        UUID.randomUUID(),
                        "hermes.runtime.replies",
                        23,
                        now.plusSeconds(130),
                        "ops-bench"));
    }

    /** A RuntimeReady of the real size, for the echo baselines. */
    static byte[] sampleReply(UserId user) {
        return new EventCodec()
                .encode(new RuntimeReady(
                        UUID.randomUUID(),
                        Instant.now(),
                        user,
                        UUID.randomUUID(),
                        "http://127.0.0.1:32768",
                        user.containerName(),
                        1,
                        false,
                        0,
                        0,
                        0,
                        0,
                        "local-1",
                        UUID.randomUUID()));
    }
}
