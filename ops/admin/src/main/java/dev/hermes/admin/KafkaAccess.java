package dev.hermes.admin;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.KafkaPropertiesFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How to reach Kafka: the bootstrap servers plus extra client settings such as security.protocol, sasl.*
 * and ssl.* (the file named by HERMES_KAFKA_PROPERTIES_FILE, as the worker reads it). Every client the
 * admin library opens is built here.
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> clientProperties) {

    public KafkaAccess {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new HermesException("the Kafka bootstrap servers are required (KAFKA_BOOTSTRAP_SERVERS)");
        }
        clientProperties = Map.copyOf(clientProperties == null ? Map.of() : clientProperties);
    }

    public static KafkaAccess of(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Map.of());
    }

    /** {@code propertiesFile} may be null: no extra settings. */
    public static KafkaAccess of(String bootstrapServers, Path propertiesFile) {
        return new KafkaAccess(
                bootstrapServers, propertiesFile == null ? Map.of() : KafkaPropertiesFile.load(propertiesFile));
    }

    /** Shows the extra settings' keys only: their values may hold credentials. */
    @Override
    public String toString() {
        return "KafkaAccess[" + bootstrapServers + ", " + KafkaPropertiesFile.keys(clientProperties) + "]";
    }

    /** The extra settings plus the bootstrap servers and the client id: the base of every client's config. */
    public Map<String, Object> config(String clientId) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A producer that sends at once and waits for every in-sync replica (acks=all, idempotent). */
    public KafkaProducer<byte[], byte[]> openProducer(String clientId) {
        Map<String, Object> config = config(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A consumer for reading a topic from the side: no group.id (so no group is joined and no offset can be
     * committed; use assign() and seek), and large fetches for fast reads.
     */
    public KafkaConsumer<byte[], byte[]> openReader(String clientId) {
        Map<String, Object> config = config(clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public Admin openAdmin(String clientId) {
        return Admin.create(config(clientId));
    }
}
