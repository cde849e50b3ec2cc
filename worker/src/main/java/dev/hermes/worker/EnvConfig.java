package dev.hermes.worker;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Reads {@link WorkerConfig} from environment variables; the README's configuration table lists them. */
public final class EnvConfig {
    private final Map<String, String> env;

    public EnvConfig(Map<String, String> env) {
        this.env = env;
    }

    public WorkerConfig load() {
        return new WorkerConfig(
                get("HERMES_WORKER_ID", defaultWorkerId()),
                get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                new Topics(get("HERMES_TOPIC_PREFIX", Topics.DEFAULT_PREFIX)),
                get("HERMES_GROUP_ID", "hermes-workers"),
                get("HERMES_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hermes"),
                get("HERMES_PG_USER", "postgres"),
                secret("HERMES_PG_PASSWORD", ""),
                integer("HERMES_PG_POOL_SIZE", 4),
                secret("HERMES_API_KEY_SECRET", null),
                get("HERMES_IMAGE", "hermes-agent-stub:local"),
                integer("HERMES_AGENT_PORT", 8642),
                get("HERMES_PUBLISH_HOST", "127.0.0.1"),
                Path.of(get("HERMES_PLUGINS_DIR", "/var/lib/hermes/plugins")),
                get("DOCKER_HOST", "unix:///var/run/docker.sock"),
                seconds("HERMES_HEALTH_TIMEOUT_SEC", 120),
                integer("HERMES_MAX_CONCURRENT_SPAWNS", 8),
                integer("HERMES_PARTITION_BUFFER_LIMIT", 500),
                integer("HERMES_WORKER_THREADS", 256),
                seconds("HERMES_REVOKE_TIMEOUT_SEC", 15),
                seconds("HERMES_SESSION_TIMEOUT_SEC", 10),
                seconds("RUNTIME_IDLE_SEC", 1800),
                seconds("HERMES_REAP_INTERVAL_SEC", 30),
                seconds("HERMES_ORPHAN_SWEEP_SEC", 300),
                seconds("HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", 60),
                Boolean.parseBoolean(get("HERMES_REMOVE_ON_REAP", "false")),
                integer("HERMES_RECREATE_CONCURRENCY", 4),
                seconds("HERMES_SETTINGS_POLL_SEC", 30),
                get("HERMES_HTTP_HOST", "127.0.0.1"),
                integer("HERMES_HTTP_PORT", 9400),
                Boolean.parseBoolean(get("HERMES_LOG_JSON", "false")),
                kafkaProperties(),
                labels(get("HERMES_EXTRA_LABELS", "")));
    }

    private String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private String secret(String name, String fallback) {
        return EnvSecrets.read(env, name, fallback);
    }

    /** Extra Kafka client settings (security.protocol, sasl.*, ssl.*) from a properties file. */
    private Map<String, String> kafkaProperties() {
        String file = get("HERMES_KAFKA_PROPERTIES_FILE", null);
        if (file == null) {
            return Map.of();
        }
        java.util.Properties props = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new HermesException("cannot read HERMES_KAFKA_PROPERTIES_FILE at " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new java.util.HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    /** "k=v,k2=v2": labels put on every container and volume this worker creates. */
    static Map<String, String> labels(String spec) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new HermesException("HERMES_EXTRA_LABELS entries must be key=value, got '" + pair.trim() + "'");
            }
            labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return labels;
    }

    private int integer(String name, int fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new HermesException(name + " must be an integer, got '" + value + "'");
        }
    }

    /** Seconds, with decimals allowed so that tests can use sub-second timeouts. */
    private Duration seconds(String name, double fallback) {
        String value = get(name, null);
        double seconds;
        try {
            seconds = value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new HermesException(name + " must be a number of seconds, got '" + value + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String defaultWorkerId() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        } catch (IOException e) {
            return "worker-" + ManagementFactory.getRuntimeMXBean().getPid();
        }
    }
}
