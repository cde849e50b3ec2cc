package dev.hermes.worker.metrics;

import dev.hermes.worker.docker.Docker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the worker should get traffic: its loop is polling and no gained partition is restoring,
 * and Kafka and Docker both answered the last probe. Probes run on the housekeeping thread, so
 * /readyz itself never blocks. PostgreSQL down makes it degraded, not unready.
 */
public final class Readiness implements AutoCloseable {
    private final Admin admin;
    private final Docker docker;
    private final Supplier<String> loopProblem;
    private final Supplier<String> postgresOutage;
    private volatile boolean kafkaReachable;
    private volatile boolean dockerReachable;

    public Readiness(
            String bootstrapServers, Map<String, String> kafkaProperties, Docker docker, Supplier<String> loopProblem) {
        this(bootstrapServers, kafkaProperties, docker, loopProblem, () -> null);
    }

    /** @param postgresOutage why PostgreSQL counts as down, or null while it answers */
    public Readiness(
            String bootstrapServers,
            Map<String, String> kafkaProperties,
            Docker docker,
            Supplier<String> loopProblem,
            Supplier<String> postgresOutage) {
        this.postgresOutage = postgresOutage;
        Map<String, Object> props = new java.util.HashMap<>(kafkaProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.admin = Admin.create(props);
        this.docker = docker;
        this.loopProblem = loopProblem;
    }

    /** One probe of each dependency; called every few seconds. */
    public void probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .clusterId()
                    .get(4, TimeUnit.SECONDS);
            kafkaReachable = true;
        } catch (Exception e) {
            kafkaReachable = false;
        }
        try {
            docker.ping();
            dockerReachable = true;
        } catch (RuntimeException e) {
            dockerReachable = false;
        }
    }

    public boolean ready() {
        return notReadyReason() == null;
    }

    /** Why the worker should get no traffic, or null if it should: the body of a 503 /readyz. */
    public String notReadyReason() {
        if (!kafkaReachable) {
            return "Kafka unreachable";
        }
        if (!dockerReachable) {
            return "Docker unreachable";
        }
        return loopProblem.get();
    }

    /**
     * Why the worker serves degraded, or null if it is not: PostgreSQL is down, so cold spawns use the last settings
     * and accounts read. Ready all the same (/readyz 200 with this in the body): warm answers and cold spawns go on.
     */
    public String degradedReason() {
        String outage = postgresOutage.get();
        return outage == null ? null : "PostgreSQL unreachable (" + outage + ")";
    }

    public boolean kafkaReachable() {
        return kafkaReachable;
    }

    public boolean dockerReachable() {
        return dockerReachable;
    }

    public static Duration interval() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
