package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.Database;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.SettingsStore;
import dev.hermes.admin.TopicAdmin;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeClientConfig;
import dev.hermes.ops.bench.SettingsBump;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Topics;
import dev.hermes.worker.kafka.EventPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault-suite run's deployment: the broker container, its topics, a PostgreSQL schema, the worker
 * processes, and the client the load goes through. Everything it makes carries {@code hermes.x-chaos=<run>}
 * (plus the extra labels given, e.g. {@code hermes.test} in the ITs) and is removed by label on close.
 */
public final class ChaosStack implements AutoCloseable {
    public static final String LABEL = "hermes.x-chaos";
    public static final int PARTITIONS = 4;
    private static final Logger log = LoggerFactory.getLogger(ChaosStack.class);
    private final ChaosConfig config;
    private final String runId;
    private final Map<String, String> labels;
    private final ChaosBroker broker;
    private final DockerClient docker;
    private final Topics topics;
    private final String schema;
    private final Path pluginsDir;
    private final List<ChaosWorker> workers = new ArrayList<>();
    private Database database;
    private EventPublisher publisher;
    private RuntimeClient client;
    private PrivatePostgres postgres;
    private int workerCount;

    /** The PostgreSQL server the stack runs on when it is the suite's own (so it may be stopped); closed with it. */
    public ChaosStack withPrivatePostgres(PrivatePostgres postgres) {
        this.postgres = postgres;
        return this;
    }

    /** The suite's own PostgreSQL server; fails when the stack runs on a shared one. */
    public PrivatePostgres privatePostgres() {
        if (postgres == null) {
            throw new IllegalStateException("this stack runs on a shared PostgreSQL server, which is never stopped");
        }
        return postgres;
    }

    public ChaosStack(ChaosConfig config, String runId) throws Exception {
        this.config = config;
        this.runId = runId;
        this.labels = new HashMap<>(config.extraLabels());
        labels.put(LABEL, runId);
        this.docker = DockerClients.connect("unix:///var/run/docker.sock", 32);
        this.topics = new Topics("chaos-" + runId + ".");
        this.schema = "chaos_" + runId.replaceAll("[^a-z0-9]", "");
        this.pluginsDir = Files.createTempDirectory("hermes-chaos-plugins-");
        this.broker = ChaosBroker.start(config.kafkaImage(), labels);
    }

    /** Topics, schema, {@code workers} worker processes (ready), the settings store, the client. */
    public ChaosStack up(int workers) throws Exception {
        new TopicAdmin(KafkaAccess.of(broker.bootstrapServers())).create(topics, PARTITIONS, (short) 1);
        try (var connection = DriverManager.getConnection(config.pgBase(), config.pgUser(), config.pgPassword())) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        for (int i = 0; i < workers; i++) {
            startWorker();
        }
        for (ChaosWorker worker : this.workers) {
            worker.awaitReady(Duration.ofSeconds(90));
        }
        database = Database.open(pgUrl(), config.pgUser(), config.pgPassword(), 2, Duration.ofSeconds(20));
        publisher = EventPublisher.connect(broker.bootstrapServers(), "ops-chaos", topics, new EventCodec());
        client = new RuntimeClient(RuntimeClientConfig.of(broker.bootstrapServers(), "ops-chaos")
                .withTopics(topics)
                .withReplyPartition(0));
        return this;
    }

    public ChaosWorker startWorker() {
        ChaosWorker worker = ChaosWorker.start("chaos-" + runId + "-w" + (++workerCount), workerEnv(), config.logDir());
        workers.add(worker);
        return worker;
    }

    Map<String, String> workerEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("HERMES_TOPIC_PREFIX", topics.prefix());
        env.put("HERMES_GROUP_ID", fleet());
        env.put("HERMES_PG_URL", pgUrl());
        env.put("HERMES_PG_USER", config.pgUser());
        env.put("HERMES_PG_PASSWORD", config.pgPassword());
        env.put("HERMES_API_KEY_SECRET", "chaos-secret-" + runId);
        env.put("HERMES_IMAGE", config.agentImage());
        env.put("HERMES_IMAGE_PULL", "never");
        env.put("HERMES_PLUGINS_DIR", pluginsDir.toString());
        env.put("HERMES_HEALTH_TIMEOUT_SEC", "30");
        env.put("HERMES_REVOKE_TIMEOUT_SEC", "10");
        env.put("HERMES_MAX_RUNTIMES", "1000");
        env.put(
                "HERMES_EXTRA_LABELS",
                labels.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")));
        return env;
    }

    public String fleet() {
        return topics.prefix() + "workers";
    }

    public String pgUrl() {
        String base = config.pgBase();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public ChaosBroker broker() {
        return broker;
    }

    public DockerClient docker() {
        return docker;
    }

    public RuntimeClient client() {
        return client;
    }

    public Topics topics() {
        return topics;
    }

    public String runId() {
        return runId;
    }

    public Map<String, String> labels() {
        return Map.copyOf(labels);
    }

    public ChaosConfig config() {
        return config;
    }

    public List<ChaosWorker> workers() {
        return workers;
    }

    public SettingsBump settingsBump() {
        return new SettingsBump(new SettingsStore(database.jdbi()), publisher);
    }

    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(publisher);
        closeQuietly(database);
        for (ChaosWorker worker : workers) {
            closeQuietly(worker);
        }
        ChaosReaper.reap(docker, runId);
        try (var connection = DriverManager.getConnection(config.pgBase(), config.pgUser(), config.pgPassword())) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            log.warn("could not drop schema {}: {}", schema, e.toString());
        }
        closeQuietly(broker);
        closeQuietly(docker);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("closing {}: {}", closeable, e.toString());
        }
    }

    static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
