package dev.hermes.ops.cli;

import dev.hermes.admin.EnvSecrets;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.KafkaPropertiesFile;
import dev.hermes.schemas.Topics;
import java.util.Map;

/**
 * What the operator tools (ops/hermes, ops/bench) read from the environment: the same variables and defaults
 * the workers use (see README), so the local stack's `.local/env` serves all of them.
 */
public record CliEnv(Map<String, String> env) {

    public String bootstrapServers() {
        return get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** The bootstrap servers plus HERMES_KAFKA_PROPERTIES_FILE's client settings, as the worker reads them. */
    public KafkaAccess kafka() {
        return new KafkaAccess(bootstrapServers(), KafkaPropertiesFile.fromEnv(env));
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
        return secret("HERMES_PG_PASSWORD", "");
    }

    public String apiKeySecret() {
        String secret = secret("HERMES_API_KEY_SECRET", null);
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

    /** A secret comes from NAME, or from the file named by NAME_FILE (the way compose and k8s mount secrets). */
    public String secret(String name, String fallback) {
        return EnvSecrets.read(env, name, fallback);
    }
}
