package dev.hermes.client;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.KafkaPropertiesFile;
import dev.hermes.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one {@link RuntimeClient}, validated here and immutable after.
 *
 * @param replyPartition the partition of the reply topic this client instance reads; give every
 *     client instance that shares the reply topic its own partition
 * @param source who is asking (chat, whatsapp, voice, integrations, ...), carried on every request
 * @param kafka extra Kafka client properties (security settings and the like)
 */
public record RuntimeClientConfig(
        String bootstrapServers,
        Topics topics,
        int replyPartition,
        String source,
        Duration defaultTimeout,
        Map<String, Object> kafka) {

    /**
     * @deprecated name the settings with {@link RuntimeClient#builder()} (or {@link #of} and the {@code with}
     *     methods) instead of passing six positional arguments
     */
    @Deprecated
    public RuntimeClientConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new HermesException("bootstrapServers is required (KAFKA_BOOTSTRAP_SERVERS)");
        }
        Objects.requireNonNull(topics, "topics");
        if (replyPartition < 0) {
            throw new HermesException("replyPartition must be >= 0, got " + replyPartition);
        }
        if (source == null || source.isBlank()) {
            throw new HermesException("source is required (chat, whatsapp, voice, integrations, ...)");
        }
        if (defaultTimeout == null || defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new HermesException("defaultTimeout must be positive, got " + defaultTimeout);
        }
        kafka = Map.copyOf(kafka == null ? Map.of() : kafka);
    }

    public static RuntimeClientConfig of(String bootstrapServers, String source) {
        return new RuntimeClientConfig(
                bootstrapServers, Topics.defaults(), 0, source, Duration.ofSeconds(130), Map.of());
    }

    public RuntimeClientConfig withReplyPartition(int partition) {
        return new RuntimeClientConfig(bootstrapServers, topics, partition, source, defaultTimeout, kafka);
    }

    /** Shows the Kafka properties' keys only: their values may hold credentials (sasl.jaas.config). */
    @Override
    public String toString() {
        return "RuntimeClientConfig[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", replyPartition="
                + replyPartition + ", source=" + source + ", defaultTimeout=" + defaultTimeout + ", kafka="
                + KafkaPropertiesFile.keys(kafka) + "]";
    }

    public RuntimeClientConfig withTopics(Topics newTopics) {
        return new RuntimeClientConfig(bootstrapServers, newTopics, replyPartition, source, defaultTimeout, kafka);
    }
}
