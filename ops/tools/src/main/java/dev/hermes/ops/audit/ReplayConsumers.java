package dev.hermes.ops.audit;

import dev.hermes.admin.KafkaAccess;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Consumers for reading a topic from the side: no group.id (so no group is joined and no offset can be
 * committed; use assign() and seek), and large fetches for fast replays ({@link KafkaAccess#openReader}).
 */
public record ReplayConsumers(KafkaAccess kafka) {

    public ReplayConsumers(String bootstrapServers) {
        this(KafkaAccess.of(bootstrapServers));
    }

    public KafkaConsumer<byte[], byte[]> open(String clientId) {
        return kafka.openReader(clientId);
    }
}
