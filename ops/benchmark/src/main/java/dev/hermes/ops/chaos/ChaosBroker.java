package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.HermesException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The fault suite's broker: a Testcontainers {@link KafkaContainer} from the locally built image
 * (ops/lib/kafka-image.sh) with a fixed host port on 127.0.0.1, so a killed or stopped broker comes back
 * on the address its clients know. Needs TESTCONTAINERS_RYUK_DISABLED=true and
 * TESTCONTAINERS_HOST_OVERRIDE=localhost in the environment (no registry, no helper images).
 */
public final class ChaosBroker implements AutoCloseable {
    public static final String DEFAULT_IMAGE = "hermes-kafka:4.1.2";
    private final KafkaContainer container;
    private final int port;

    private ChaosBroker(KafkaContainer container, int port) {
        this.container = container;
        this.port = port;
    }

    /** Starts the broker with {@code labels} on its container (reaped by label if this JVM dies). */
    public static ChaosBroker start(String image, Map<String, String> labels) {
        int port = FreePort.find();
        KafkaContainer container = new KafkaContainer(
                        DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                // the worker tests' broker settings: fast group failover, 4 partitions by default
                .withEnv("KAFKA_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_GROUP_CONSUMER_MIN_SESSION_TIMEOUT_MS", "3000")
                .withEnv("KAFKA_GROUP_CONSUMER_SESSION_TIMEOUT_MS", "6000")
                .withEnv("KAFKA_GROUP_CONSUMER_MIN_HEARTBEAT_INTERVAL_MS", "500")
                .withEnv("KAFKA_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS", "1000")
                .withStartupTimeout(Duration.ofSeconds(120));
        container.setPortBindings(List.of("127.0.0.1:" + port + ":9092"));
        container.start();
        return new ChaosBroker(container, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public String containerId() {
        return container.getContainerId();
    }

    /** SIGKILL, as `docker kill` does. */
    public Instant kill() {
        docker().killContainerCmd(containerId()).exec();
        return Instant.now();
    }

    /** Starts the killed or stopped container again (same port, same data). */
    public Instant startAgain() {
        docker().startContainerCmd(containerId()).exec();
        return Instant.now();
    }

    /** Whether the container is running (after a dockerd restart without live-restore it is not). */
    public boolean running() {
        return Boolean.TRUE.equals(
                docker().inspectContainerCmd(containerId()).exec().getState().getRunning());
    }

    public Instant pause() {
        docker().pauseContainerCmd(containerId()).exec();
        return Instant.now();
    }

    public Instant unpause() {
        docker().unpauseContainerCmd(containerId()).exec();
        return Instant.now();
    }

    /** Waits until the broker answers a metadata request with itself in the cluster. */
    public void awaitServing(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        try (Admin admin = KafkaAccess.of(bootstrapServers()).openAdmin("chaos-probe")) {
            while (System.nanoTime() < until) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // not back yet
                }
            }
        }
        throw new HermesException("the broker did not serve again within " + timeout.toSeconds() + " s");
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    @Override
    public void close() {
        container.stop();
    }
}
