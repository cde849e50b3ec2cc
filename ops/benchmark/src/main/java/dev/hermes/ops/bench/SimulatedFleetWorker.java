package dev.hermes.ops.bench;

import dev.hermes.admin.Database;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.SettingsStore;
import dev.hermes.admin.TopicAdmin;
import dev.hermes.worker.EnvConfig;
import dev.hermes.worker.NioBufferCache;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.WorkerConfig;
import dev.hermes.worker.runtime.Runtime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A real worker (Wiring, from the environment) on its own topic prefix and group, whose registry is
 * filled with N simulated warm runtimes instead of N containers. Started by ops/bench as its own JVM:
 * {@code SimulatedFleetWorker <users> <seed>}. It creates its topics, waits until it owns every
 * partition, fills the registry (settings version = the database's current one, so every runtime
 * counts as warm), prints {@code READY http=<port> pid=<pid> runtimes=<n>}, answers "STATS" and "GC" on stdin with a
 * {@link MemoryReport} line and "CPU" with a {@link ThreadCpuReport} line, and runs until stdin closes.
 */
public final class SimulatedFleetWorker {
    private SimulatedFleetWorker() {}

    public static void main(String[] args) throws Exception {
        NioBufferCache.cap();
        int users = Integer.parseInt(args[0]);
        SyntheticUsers synthetic = new SyntheticUsers(Integer.parseInt(args[1]));
        WorkerConfig config = new EnvConfig(System.getenv()).load();
        int partitions = Integer.parseInt(System.getenv().getOrDefault("HERMES_PARTITIONS", "24"));
        createTopics(config, partitions);
        Worker worker = new Wiring(config).start();
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "simulated-fleet-shutdown"));
        awaitOwnership(worker, partitions, Duration.ofSeconds(120));
        long version;
        try (Database db =
                Database.open(config.pgUrl(), config.pgUser(), config.pgPassword(), 1, Duration.ofSeconds(20))) {
            version = new SettingsStore(db.jdbi()).currentVersion();
        }
        Instant now = Instant.now();
        for (int i = 0; i < users; i++) {
            var user = synthetic.user(i);
            worker.registry()
                    .put(Runtime.of(
                            user, synthetic.containerId(i), "http://127.0.0.1:" + (20_000 + i % 40_000), version, now));
        }
        System.out.println("READY http=" + worker.httpPort() + " pid="
                + ProcessHandle.current().pid() + " runtimes="
                + worker.registry().size() + " settingsVersion=" + version);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            if (command.equals("STATS") || command.equals("GC")) {
                System.out.println(MemoryReport.line(command.equals("GC")));
            } else if (command.equals("CPU")) {
                System.out.println(ThreadCpuReport.line());
            }
            System.out.flush();
        }
        System.exit(0);
    }

    /** TopicSetup.create, retried: its describeTopics right after the create can miss the new metadata. */
    private static void createTopics(WorkerConfig config, int partitions) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                new TopicAdmin(KafkaAccess.of(config.bootstrapServers()))
                        .create(config.topics(), partitions, (short) 1);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void awaitOwnership(Worker worker, int partitions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (worker.ownedPartitions().size() < partitions || !worker.ready()) {
            if (System.nanoTime() > deadline) {
                System.out.println("FAILED: owns " + worker.ownedPartitions().size() + " of " + partitions
                        + " partitions, ready=" + worker.ready() + " after " + timeout.toSeconds() + " s");
                System.exit(3);
            }
            Thread.sleep(100);
        }
    }
}
