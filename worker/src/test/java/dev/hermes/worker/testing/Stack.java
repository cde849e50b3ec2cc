package dev.hermes.worker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.TopicAdmin;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeClientConfig;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.EnvConfig;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.WorkerConfig;
import dev.hermes.worker.docker.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One test class's hermes deployment on real Kafka, PostgreSQL and Docker. */
public final class Stack implements ExtensionContext.Store.CloseableResource {
    public static final String PG_BASE =
            System.getenv().getOrDefault("HERMES_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String IMAGE = System.getenv().getOrDefault("HERMES_TEST_IMAGE", "hermes-agent-stub:local");
    public static final String SECRET = "test-secret-" + UUID.randomUUID();
    public static final int PARTITIONS = 4;
    private final String bootstrap;
    private final Topics topics;
    private final String schema;
    private final Path pluginsDir;
    private final DockerClient docker;
    private final Set<UserId> users = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger replyPartitions = new AtomicInteger();
    private final AtomicInteger workerIds = new AtomicInteger();

    private Stack(String bootstrap, Topics topics, String schema, Path pluginsDir, DockerClient docker) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.schema = schema;
        this.pluginsDir = pluginsDir;
        this.docker = docker;
    }

    /**
     * A stack on the broker at {@code bootstrap} (its topics made there without extra client settings); closed by
     * the caller. {@link HermesStack} makes one on the shared broker.
     */
    public static Stack create(String bootstrap, String testName) {
        String id = testName.toLowerCase().replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("it-" + id + ".");
        new TopicAdmin(KafkaAccess.of(bootstrap)).create(topics, PARTITIONS, (short) 1);
        String schema = "it_" + id;
        try (var connection = DriverManager.getConnection(PG_BASE, "postgres", "")) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
            Path plugins = Files.createTempDirectory("hermes-plugins-");
            Files.writeString(plugins.resolve("README.txt"), "plugins mounted read-only\n");
            return new Stack(
                    bootstrap, topics, schema, plugins, DockerClients.connect("unix:///var/run/docker.sock", 16));
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test stack (is PostgreSQL on " + PG_BASE + "?)", e);
        }
    }

    /**
     * Another stack on the same broker, PostgreSQL and Docker engine, with its own topics, schema and consumer group:
     * another fleet. Closed with this one.
     */
    public Stack anotherFleet(String name) {
        Stack other = create(bootstrap, name);
        closeables.add(other::close);
        return other;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public Topics topics() {
        return topics;
    }

    public DockerClient docker() {
        return docker;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public String pgUrl() {
        return PG_BASE + (PG_BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A fresh family whose container and volume are removed after the class. */
    public UserId newUser() {
        UserId user = UserId.random();
        users.add(user);
        return user;
    }

    public void track(UserId user) {
        users.add(user);
    }

    /** The environment a worker of this stack runs with; {@code overrides} win. */
    public Map<String, String> workerEnv(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("HERMES_TOPIC_PREFIX", topics.prefix());
        env.put("HERMES_GROUP_ID", fleet());
        env.put("HERMES_PG_URL", pgUrl());
        env.put("HERMES_PG_USER", "postgres");
        env.put("HERMES_API_KEY_SECRET", SECRET);
        env.put("HERMES_IMAGE", IMAGE);
        env.put("HERMES_IMAGE_PULL", "never"); // the stand-in is built locally; there is no registry
        env.put("HERMES_PLUGINS_DIR", pluginsDir.toString());
        env.put("HERMES_HTTP_PORT", "0");
        env.put("HERMES_HEALTH_TIMEOUT_SEC", "30");
        env.put("HERMES_REVOKE_TIMEOUT_SEC", "10");
        env.put("HERMES_EXTRA_LABELS", "hermes.test=" + testLabel());
        // the bound counts every suite's runtimes on the shared engine, and `auto` (engine memory x 0.9 / 1 GiB: 21 on
        // a 24 GB machine) would refuse the burst and fuzz ITs, which start a hundred or more stand-ins of ~10 MB each;
        // a test of the bound itself overrides this (CapacityIT)
        env.put("HERMES_MAX_RUNTIMES", "1000");
        env.putAll(overrides);
        return env;
    }

    /** This stack's workers' consumer group: the {@code hermes.fleet} label of all they create. */
    public String fleet() {
        return topics.prefix() + "workers";
    }

    /** The {@code hermes.test} label value on everything this stack's workers create. */
    public String testLabel() {
        return topics.prefix().replaceAll("[^a-z0-9-]", "");
    }

    public WorkerConfig workerConfig(Map<String, String> overrides) {
        return new EnvConfig(workerEnv(overrides)).load();
    }

    public Worker startWorker(Map<String, String> overrides) {
        return startWorker(overrides, Wiring::new);
    }

    /** A worker wired by {@code wiring} (a test's override of one part), with this stack's environment. */
    public Worker startWorker(Map<String, String> overrides, java.util.function.Function<WorkerConfig, Wiring> wiring) {
        Map<String, String> env = new HashMap<>(overrides);
        env.putIfAbsent("HERMES_WORKER_ID", topics.prefix() + "worker-" + workerIds.incrementAndGet());
        Worker worker = wiring.apply(workerConfig(env)).start();
        closeables.add(worker);
        workers.add(worker);
        return worker;
    }

    /** Drains every in-process worker this stack started, so the next test starts with an empty group. */
    public void stopWorkers() {
        for (Worker worker : workers) {
            worker.close();
            closeables.remove(worker);
        }
        workers.clear();
    }

    public Worker startWorker() {
        return startWorker(Map.of());
    }

    /** A client on its own reply partition. */
    public RuntimeClient client() {
        RuntimeClient client = new RuntimeClient(RuntimeClientConfig.of(bootstrap, "it")
                .withTopics(topics)
                .withReplyPartition(replyPartitions.getAndIncrement() % PARTITIONS));
        closeables.add(client);
        return client;
    }

    public void closeLater(AutoCloseable closeable) {
        closeables.add(closeable);
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + closeables.get(i) + ": " + e);
            }
        }
        for (UserId user : users) {
            removeQuietly(user);
        }
        removeNetworksQuietly();
        try (var connection = DriverManager.getConnection(PG_BASE, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            System.err.println("dropping schema " + schema + ": " + e);
        }
        try {
            docker.close();
        } catch (IOException e) {
            System.err.println("closing docker client: " + e);
        }
    }

    /** The fleet networks this stack's workers created (labelled with its {@code hermes.test} value). */
    private void removeNetworksQuietly() {
        try {
            for (Network network : docker.listNetworksCmd()
                    .withFilter("label", List.of("hermes.test=" + testLabel()))
                    .exec()) {
                try {
                    docker.removeNetworkCmd(network.getId()).exec();
                } catch (NotFoundException e) {
                    // removed already
                } catch (RuntimeException e) {
                    System.err.println("removing network " + network.getName() + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            System.err.println("listing networks labelled hermes.test=" + testLabel() + ": " + e.getMessage());
        }
    }

    /** The {@code hermes.settings-version} label of the family's container, as Docker reports it now. */
    public String settingsVersionLabel(UserId user) {
        return docker.inspectContainerCmd(user.containerName())
                .exec()
                .getConfig()
                .getLabels()
                .get(ContainerSpec.LABEL_SETTINGS_VERSION);
    }

    public void removeQuietly(UserId user) {
        try {
            docker.removeContainerCmd(user.containerName()).withForce(true).exec();
        } catch (NotFoundException e) {
            // never created
        }
        try {
            docker.removeVolumeCmd(user.volumeName()).exec();
        } catch (NotFoundException e) {
            // never created
        } catch (RuntimeException e) {
            System.err.println("removing volume " + user.volumeName() + ": " + e.getMessage());
        }
    }

    public static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
