package dev.hermes.client;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.KafkaPropertiesFile;
import dev.hermes.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Names what {@link RuntimeClient}'s constructors take by position; validated when built. {@link #fromEnv(Map)}
 * reads HERMES_KAFKA_BOOTSTRAP (or KAFKA_BOOTSTRAP_SERVERS), HERMES_TOPIC_PREFIX, HERMES_KAFKA_PROPERTIES_FILE,
 * HERMES_CLIENT_TIMEOUT_MS, HERMES_REPLY_PARTITION and HERMES_CLIENT_SOURCE; setters called after it win.
 */
public final class RuntimeClientBuilder {
    private String bootstrapServers;
    private Topics topics = Topics.defaults();
    private int replyPartition;
    private String source = "java";
    private Duration timeout = Duration.ofSeconds(130);
    private final Map<String, Object> kafka = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private ClientMetrics metrics = ClientMetrics.none();

    RuntimeClientBuilder() {}

    public RuntimeClientBuilder bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }

    public RuntimeClientBuilder topics(Topics topics) {
        this.topics = topics;
        return this;
    }

    public RuntimeClientBuilder topicPrefix(String prefix) {
        return topics(new Topics(prefix));
    }

    /** This instance's own partition of the reply topic; see {@link ReplyPartitions} for several replicas. */
    public RuntimeClientBuilder replyPartition(int partition) {
        this.replyPartition = partition;
        return this;
    }

    /** Who is asking (chat, whatsapp, voice, ...), carried on every request. */
    public RuntimeClientBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** How long {@link RuntimeClient#ensureRuntime(dev.hermes.schemas.UserId)} waits by default. */
    public RuntimeClientBuilder timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Extra Kafka client properties (security.protocol, sasl.*, ssl.*), added to those given before. */
    public RuntimeClientBuilder kafkaProperties(Map<String, ?> properties) {
        kafka.putAll(properties);
        return this;
    }

    /** The same Java properties file the worker reads (HERMES_KAFKA_PROPERTIES_FILE); bootstrap.servers included. */
    public RuntimeClientBuilder kafkaPropertiesFile(Path file) {
        kafka.putAll(KafkaPropertiesFile.load(file));
        return this;
    }

    public RuntimeClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public RuntimeClientBuilder metrics(ClientMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** {@link #fromEnv(Map)} on the process environment. */
    public RuntimeClientBuilder fromEnv() {
        return fromEnv(System.getenv());
    }

    public RuntimeClientBuilder fromEnv(Map<String, String> env) {
        kafka.putAll(KafkaPropertiesFile.fromEnv(env));
        String servers = env.getOrDefault("HERMES_KAFKA_BOOTSTRAP", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        if (servers != null) {
            bootstrapServers(servers);
        }
        if (env.containsKey("HERMES_TOPIC_PREFIX")) {
            topicPrefix(env.get("HERMES_TOPIC_PREFIX"));
        }
        if (env.containsKey("HERMES_REPLY_PARTITION")) {
            replyPartition(integer(env, "HERMES_REPLY_PARTITION"));
        }
        if (env.containsKey("HERMES_CLIENT_TIMEOUT_MS")) {
            timeout(Duration.ofMillis(integer(env, "HERMES_CLIENT_TIMEOUT_MS")));
        }
        if (env.containsKey("HERMES_CLIENT_SOURCE")) {
            source(env.get("HERMES_CLIENT_SOURCE"));
        }
        return this;
    }

    /** The validated settings; the bootstrap servers may also come from the properties' bootstrap.servers. */
    @SuppressWarnings("deprecation")
    public RuntimeClientConfig buildConfig() {
        String servers = bootstrapServers != null ? bootstrapServers : (String) kafka.get("bootstrap.servers");
        if (servers == null || servers.isBlank()) {
            throw new HermesException("bootstrapServers is required (HERMES_KAFKA_BOOTSTRAP or KAFKA_BOOTSTRAP_SERVERS,"
                    + " or bootstrap.servers in HERMES_KAFKA_PROPERTIES_FILE)");
        }
        Map<String, Object> extra = new HashMap<>(kafka);
        extra.remove("bootstrap.servers");
        return new RuntimeClientConfig(servers, topics, replyPartition, source, timeout, extra);
    }

    /** A connected client, its reply consumer positioned before this returns. */
    public RuntimeClient build() {
        return new RuntimeClient(buildConfig(), clock, metrics);
    }

    private static int integer(Map<String, String> env, String name) {
        String value = env.get(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new HermesException(name + " must be an integer, got '" + value + "'", e);
        }
    }
}
