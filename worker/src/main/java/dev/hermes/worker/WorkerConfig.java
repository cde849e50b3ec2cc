package dev.hermes.worker;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a worker is configured with, validated once at construction and immutable after.
 * {@link EnvConfig} builds one from the environment; tests build one directly.
 */
public record WorkerConfig(
        String workerId,
        String bootstrapServers,
        Topics topics,
        String groupId,
        String pgUrl,
        String pgUser,
        String pgPassword,
        int pgPoolSize,
        String apiKeySecret,
        String image,
        int agentPort,
        String publishHost,
        Path pluginsDir,
        String dockerHost,
        Duration healthTimeout,
        int maxConcurrentSpawns,
        int partitionBufferLimit,
        int workerThreads,
        Duration revokeTimeout,
        Duration sessionTimeout,
        Duration idleTimeout,
        Duration reapInterval,
        Duration orphanSweepInterval,
        Duration lastActiveWriteInterval,
        boolean removeOnReap,
        int recreateConcurrency,
        Duration settingsPollInterval,
        String httpHost,
        int httpPort,
        boolean jsonLogs,
        Map<String, String> kafkaProperties,
        Map<String, String> extraLabels) {

    public WorkerConfig {
        require(workerId, "HERMES_WORKER_ID");
        require(bootstrapServers, "KAFKA_BOOTSTRAP_SERVERS");
        Objects.requireNonNull(topics, "topics");
        require(groupId, "HERMES_GROUP_ID");
        require(pgUrl, "HERMES_PG_URL");
        require(pgUser, "HERMES_PG_USER");
        if (apiKeySecret == null || apiKeySecret.length() < 16) {
            throw new HermesException("HERMES_API_KEY_SECRET (or HERMES_API_KEY_SECRET_FILE) must hold a secret of "
                    + "at least 16 characters");
        }
        require(image, "HERMES_IMAGE");
        Objects.requireNonNull(pluginsDir, "HERMES_PLUGINS_DIR");
        positive(pgPoolSize, "HERMES_PG_POOL_SIZE");
        positive(agentPort, "HERMES_AGENT_PORT");
        positive(maxConcurrentSpawns, "HERMES_MAX_CONCURRENT_SPAWNS");
        positive(partitionBufferLimit, "HERMES_PARTITION_BUFFER_LIMIT");
        positive(workerThreads, "HERMES_WORKER_THREADS");
        positive(recreateConcurrency, "HERMES_RECREATE_CONCURRENCY");
        positive(healthTimeout, "HERMES_HEALTH_TIMEOUT_SEC");
        positive(revokeTimeout, "HERMES_REVOKE_TIMEOUT_SEC");
        positive(sessionTimeout, "HERMES_SESSION_TIMEOUT_SEC");
        positive(idleTimeout, "RUNTIME_IDLE_SEC");
        positive(reapInterval, "HERMES_REAP_INTERVAL_SEC");
        positive(orphanSweepInterval, "HERMES_ORPHAN_SWEEP_SEC");
        positive(lastActiveWriteInterval, "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC");
        positive(settingsPollInterval, "HERMES_SETTINGS_POLL_SEC");
        kafkaProperties = Map.copyOf(kafkaProperties == null ? Map.of() : kafkaProperties);
        extraLabels = Map.copyOf(extraLabels == null ? Map.of() : extraLabels);
        if (extraLabels.keySet().stream().anyMatch(k -> k.startsWith("hermes.") && !k.startsWith("hermes.x-")
                && !k.equals("hermes.test"))) {
            throw new HermesException("HERMES_EXTRA_LABELS may not set hermes.* labels (other than hermes.test and "
                    + "hermes.x-*); those are managed: " + extraLabels.keySet());
        }
        if (httpPort < 0) {
            throw new HermesException("HERMES_HTTP_PORT must be >= 0 (0 picks a free port), got " + httpPort);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new HermesException(name + " is required");
        }
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new HermesException(name + " must be positive, got " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new HermesException(name + " must be positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return "WorkerConfig[workerId=" + workerId + ", bootstrapServers=" + bootstrapServers + ", topics="
                + topics.prefix() + "*, groupId=" + groupId + ", pgUrl=" + pgUrl + ", image=" + image
                + ", apiKeySecret=<redacted>, pgPassword=<redacted>, kafkaProperties=" + kafkaProperties.keySet() + "]";
    }
}
