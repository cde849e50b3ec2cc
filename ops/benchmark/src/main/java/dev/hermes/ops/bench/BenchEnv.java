package dev.hermes.ops.bench;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import dev.hermes.worker.config.EnvSecrets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the benchmark reads from the environment: the local stack's settings, under the same variable
 * names and defaults as the workers and ops/hermes use (see README), so `.local/env` serves all three.
 */
public record BenchEnv(Map<String, String> env) {

    public String bootstrapServers() {
        return get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** The broker with the extra client settings of HERMES_KAFKA_PROPERTIES_FILE, if set. */
    public KafkaAccess kafka() {
        String file = get("HERMES_KAFKA_PROPERTIES_FILE", null);
        return KafkaAccess.of(bootstrapServers(), file == null ? null : Path.of(file));
    }

    public Topics topics() {
        return new Topics(get("HERMES_TOPIC_PREFIX", Topics.DEFAULT_PREFIX));
    }

    public String pgUrl() {
        return get("HERMES_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hermes");
    }

    public String pgUser() {
        return get("HERMES_PG_USER", "postgres");
    }

    public String pgPassword() {
        return EnvSecrets.read(env, "HERMES_PG_PASSWORD", "");
    }

    public String apiKeySecret() {
        String secret = EnvSecrets.read(env, "HERMES_API_KEY_SECRET", null);
        if (secret == null) {
            throw new HermesException("HERMES_API_KEY_SECRET (or HERMES_API_KEY_SECRET_FILE) is not set; "
                    + "for the local stack run: eval \"$(ops/local env)\"");
        }
        return secret;
    }

    public String dockerHost() {
        return get("DOCKER_HOST", "unix:///var/run/docker.sock");
    }

    public String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
