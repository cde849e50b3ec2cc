package dev.hermes.ops.bench;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * heartbeats_per_s, heartbeat_docker_calls, worker_rss_mb_100k: one {@link SimulatedFleetWorker} JVM
 * (the JVM settings of ops/local) holding N warm simulated runtimes on a fresh topic prefix. Rounds of one heartbeat per user,
 * produced as fast as a batching producer can (linger.ms 5, batch.size 256k): three warm the JIT (the
 * first is reported as first_round_per_s), then the JIT's queue is let drain ({@link JitQuiet}), as in a
 * worker that has run for a while. Then three timed rounds of three heartbeats per user (one pass over all
 * users after another); the figure is their median. The worker runs with
 * HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC=0.001, so every heartbeat of every round writes its LastActive,
 * as a family's first heartbeat does. Docker calls, VmRSS and the JVM's own memory view are read after.
 */
public final class HeartbeatFigures {
    /** The same JVM settings ops/local gives its workers. */
    static final List<String> WORKER_JVM = List.of("-Xmx128m", "-XX:+UseSerialGC");
    /** Untimed rounds before the timed ones: the first runs on a cold JIT, the next ones still compile. */
    static final int WARM_UP_ROUNDS = 3;
    /** Heartbeats per user in a timed round: the end of a round (the last commit) weighs less in a longer one. */
    static final int TIMED_PASSES = 3;
    /** Timed rounds; the figure is their median, as one round can meet a busy moment of the shared VM. */
    static final int TIMED_ROUNDS = 3;

    private final BenchStack stack;

    public HeartbeatFigures(BenchStack stack) {
        this.stack = stack;
    }

    public List<Figure> measure(int users) throws Exception {
        int seed = ThreadLocalRandom.current().nextInt();
        String prefix = stack.topics().prefix("heartbeats");
        String group = "hermes-bench-" + stack.runId() + "-fleet";
        List<String> jvm = jvmOptions();
        Path log = Path.of(
                stack.env().get("HERMES_BENCH_LOG_DIR", System.getProperty("java.io.tmpdir")),
                "bench-fleet-worker-" + stack.runId() + ".log");
        try (FleetWorkerProcess worker = FleetWorkerProcess.start(jvm, workerEnv(prefix, group), users, seed, log);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            MetricsScraper metrics = new MetricsScraper(worker.awaitReady(Duration.ofSeconds(180)));
            double dockerBefore = metrics.scrape().sum("hermes_docker_calls_total");
            String topic = prefix + "runtime.requests";
            var admin = stack.topics().admin();
            HeartbeatRound first = null;
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                HeartbeatRound warmUp = HeartbeatRound.run(
                        producer,
                        heartbeats(topic, users, seed),
                        admin,
                        group,
                        (long) round * users,
                        metrics,
                        dockerBefore,
                        worker.pid());
                first = first == null ? warmUp : first;
            }
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int pass = 0; pass < TIMED_PASSES; pass++) {
                records.addAll(heartbeats(topic, users, seed));
            }
            double jitSettleSeconds = JitQuiet.await(worker);
            Map<String, Long> cpuBefore = worker.threadCpu();
            List<HeartbeatRound> rounds = new ArrayList<>();
            long committedTarget = (long) WARM_UP_ROUNDS * users;
            for (int round = 0; round < TIMED_ROUNDS; round++) {
                committedTarget += records.size();
                rounds.add(HeartbeatRound.run(
                        producer, records, admin, group, committedTarget, metrics, dockerBefore, worker.pid()));
            }
            HeartbeatRound timed = HeartbeatRound.median(rounds);
            Map<String, Long> cpuByThread = ThreadCpuReport.difference(cpuBefore, worker.threadCpu());
            double dockerCalls = metrics.scrape().sum("hermes_docker_calls_total") - dockerBefore;
            ProcStatus status = ProcStatus.of(worker.pid());
            Map<String, Object> jvmView = worker.memory(false);
            Map<String, Object> afterGc = worker.memory(true);
            stack.janitor().cleanFleet(group);
            Figure rate = FigureGroup.spec("heartbeats_per_s")
                    .of(timed.perSecond(), null)
                    .with("n", users)
                    .with("timed_heartbeats", records.size())
                    .with(
                            "rounds_per_s",
                            rounds.stream().map(HeartbeatRound::perSecond).toList())
                    .with("seconds_until_committed", timed.seconds())
                    .with("producer_seconds", timed.producerSeconds())
                    .with("handled_per_s", records.size() / timed.handledSeconds())
                    .with("commit_interval_ms", 200)
                    .with("worker_cpu_seconds", timed.cpuSeconds())
                    .with("worker_cpu_us_per_heartbeat", HeartbeatRound.cpuMicrosPerHeartbeat(rounds))
                    .with("first_round_per_s", first.perSecond())
                    .with("jit_settle_s", jitSettleSeconds)
                    .with("first_round_cpu_us_per_heartbeat", first.cpuMicrosPerHeartbeat())
                    .with("worker_cpu_ms_by_thread", cpuByThread);
            Figure rss = FigureGroup.spec("worker_rss_mb_100k")
                    .of(status.rssMb(), null)
                    .with("runtimes", users)
                    .with("peak_rss_mb", status.peakRssMb())
                    .with("jvm_options", String.join(" ", jvm));
            for (var e : jvmView.entrySet()) {
                rss = rss.with(e.getKey(), e.getValue());
            }
            rss = rss.with("heapUsedAfterFullGcMb", afterGc.get("heapUsedMb"));
            return List.of(
                    rate,
                    FigureGroup.spec("heartbeat_docker_calls")
                            .of(dockerCalls, null)
                            .with("heartbeats", committedTarget),
                    rss);
        }
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(WORKER_JVM);
        options.add("-XX:+ExitOnOutOfMemoryError");
        String extra = stack.env().get("HERMES_BENCH_FLEET_JAVA_OPTS", "");
        if (!extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return options;
    }

    private Map<String, String> workerEnv(String prefix, String group) {
        Map<String, String> env = new HashMap<>(stack.env().env());
        env.put("HERMES_TOPIC_PREFIX", prefix);
        env.put("MALLOC_ARENA_MAX", "2");
        env.putIfAbsent("HERMES_IMAGE_PULL", "never"); // the stand-in is built locally; there is no registry
        env.put("HERMES_GROUP_ID", group);
        env.put("HERMES_WORKER_ID", "bench-fleet-" + stack.runId());
        env.put("HERMES_HTTP_HOST", "127.0.0.1");
        env.put("HERMES_HTTP_PORT", "0");
        env.put("HERMES_PARTITIONS", Integer.toString(stack.fleet().partitions()));
        env.put("HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.001");
        env.put("HERMES_ORPHAN_SWEEP_SEC", "86400");
        env.put("HERMES_REAP_INTERVAL_SEC", "86400");
        // the simulated runtimes have no agent behind their URL: a liveness check of each would fail and, after
        // HERMES_LIVENESS_FAILURES, take it out of the warm set (the checks' own cost is bounded, LivenessChecker)
        env.put("HERMES_LIVENESS_INTERVAL_SEC", "86400");
        env.put("HERMES_SETTINGS_POLL_SEC", "86400");
        env.put("HERMES_MAX_CONCURRENT_SPAWNS", "1");
        return env;
    }

    private static List<ProducerRecord<byte[], byte[]>> heartbeats(String topic, int users, int seed) {
        SyntheticUsers synthetic = new SyntheticUsers(seed);
        EventCodec codec = new EventCodec();
        Instant now = Instant.now();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            UserId user = synthetic.user(i);
            records.add(new ProducerRecord<>(
                    topic,
                    user.value().getBytes(StandardCharsets.UTF_8),
                    codec.encode(new Heartbeat(UUID.randomUUID(), now, user, "bench-device", "ops-bench"))));
        }
        return records;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.env().bootstrapServers(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-heartbeats",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        128L * 1024 * 1024),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }
}
