package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.Database;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.FamilyForgetter;
import dev.hermes.admin.HostDrains;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeClientConfig;
import dev.hermes.ops.cli.CliEnv;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.EventCodec;
import dev.hermes.worker.kafka.EventPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack as the benchmark sees it (from the same environment ops/hermes reads), and the
 * connections every figure shares. Closing it cleans up what the run made and closes the connections.
 */
public final class BenchStack implements AutoCloseable {
    private final CliEnv env;
    private final String runId;
    private final DockerClient docker;
    private final BenchEngines engines;
    private final Database database;
    private final EventPublisher publisher;
    private final BenchTopics topics;
    private final Janitor janitor;
    private final BenchDrains drains;
    private final WorkerFleet fleet;
    private final List<RuntimeClient> clients = new ArrayList<>();

    public BenchStack(CliEnv env, String runId) {
        this.env = env;
        this.runId = runId;
        this.docker = DockerClients.connect(env.dockerHost(), 160);
        this.engines = new BenchEngines(env, docker);
        this.database = Database.open(env.pgUrl(), env.pgUser(), env.pgPassword(), 2, Duration.ofSeconds(20));
        this.publisher = EventPublisher.connect(env.bootstrapServers(), "ops-bench", env.topics(), new EventCodec());
        this.topics = new BenchTopics(env.bootstrapServers(), runId);
        this.janitor = new Janitor(
                docker,
                engines.others(),
                FamilyForgetter.connect(docker, env.kafka(), env.topics(), Clock.systemUTC(), "ops-bench"),
                runId);
        this.drains = new BenchDrains(new HostDrains(database.jdbi()), Clock.systemUTC());
        this.fleet = WorkerFleet.detect(env);
    }

    public CliEnv env() {
        return env;
    }

    public String runId() {
        return runId;
    }

    public DockerClient docker() {
        return docker;
    }

    /** The stack's Docker engines (HERMES_DOCKER_HOSTS), each with a client. */
    public BenchEngines engines() {
        return engines;
    }

    /** The hosts this run drains, undrained again at the latest when the stack closes. */
    public BenchDrains drains() {
        return drains;
    }

    public SettingsStore settings() {
        return new SettingsStore(database.jdbi());
    }

    public EventPublisher publisher() {
        return publisher;
    }

    public BenchTopics topics() {
        return topics;
    }

    public Janitor janitor() {
        return janitor;
    }

    public WorkerFleet fleet() {
        return fleet;
    }

    public ApiKeys apiKeys() {
        return ApiKeys.fromSecret(env.apiKeySecret());
    }

    public String image() {
        return env.get("HERMES_IMAGE", "hermes-agent-stub:local");
    }

    public Path pluginsDir() {
        return Path.of(env.get("HERMES_PLUGINS_DIR", "/var/lib/hermes/plugins"));
    }

    public int agentPort() {
        return Integer.parseInt(env.get("HERMES_AGENT_PORT", "8642"));
    }

    /** A client of the fleet that reads its own reply partition (so the bench's clients never share one). */
    public synchronized RuntimeClient client(int replyPartition) {
        RuntimeClientConfig config = RuntimeClientConfig.of(env.bootstrapServers(), "ops-bench")
                .withTopics(env.topics())
                .withReplyPartition(replyPartition);
        RuntimeClient client = new RuntimeClient(config);
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.forEach(RuntimeClient::close);
        clients.clear();
        drains.undrainOurs();
        janitor.cleanSystem();
        janitor.cleanRaw();
        janitor.cleanRawNetwork();
        topics.deleteAll();
        topics.close();
        publisher.close();
        database.close();
        engines.close();
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // closing anyway
        }
    }
}
