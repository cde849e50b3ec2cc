package dev.hermes.ops.chaos;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a fault-suite run runs on: the broker image, the stand-in agent image, the PostgreSQL server
 * (a schema of its own is made there), where worker logs go, and extra labels for everything it makes.
 */
public record ChaosConfig(
        String kafkaImage,
        String agentImage,
        String pgBase,
        String pgUser,
        String pgPassword,
        Path logDir,
        Map<String, String> extraLabels) {

    /** From the environment: HERMES_CHAOS_KAFKA_IMAGE, HERMES_IMAGE, HERMES_CHAOS_PG_URL, HERMES_CHAOS_LOG_DIR. */
    public static ChaosConfig fromEnv(Map<String, String> env, Map<String, String> extraLabels) {
        return new ChaosConfig(
                env.getOrDefault("HERMES_CHAOS_KAFKA_IMAGE", ChaosBroker.DEFAULT_IMAGE),
                env.getOrDefault("HERMES_TEST_IMAGE", env.getOrDefault("HERMES_IMAGE", "hermes-agent-stub:local")),
                env.getOrDefault("HERMES_CHAOS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                env.getOrDefault("HERMES_CHAOS_PG_USER", "postgres"),
                env.getOrDefault("HERMES_CHAOS_PG_PASSWORD", ""),
                Path.of(env.getOrDefault("HERMES_CHAOS_LOG_DIR", "target/chaos-logs")),
                Map.copyOf(extraLabels));
    }

    /** The same run on another PostgreSQL server (a private one the suite may stop). */
    public ChaosConfig withPg(String base, String user) {
        return new ChaosConfig(kafkaImage, agentImage, base, user, "", logDir, extraLabels);
    }
}
