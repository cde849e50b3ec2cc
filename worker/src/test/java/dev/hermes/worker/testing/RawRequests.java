package dev.hermes.worker.testing;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes request-topic events exactly as a test builds them: any reply coordinates, any dates, any partition. */
public final class RawRequests implements AutoCloseable {
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public RawRequests(Stack stack) {
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        this.topic = stack.topics().requests();
    }

    public static RuntimeRequested request(UserId user, String replyTopic, int replyPartition, Instant deadline) {
        return new RuntimeRequested(
                UUID.randomUUID(), Instant.now(), user, UUID.randomUUID(), replyTopic, replyPartition, deadline, "it");
    }

    public static Heartbeat heartbeat(UserId user, Instant occurredAt) {
        return new Heartbeat(UUID.randomUUID(), occurredAt, user, "it-device", "it");
    }

    public String json(Event event) {
        return new String(codec.encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** On the key's partition, as the Java client's default partitioner picks it. */
    public void send(Event event) {
        send(event, null);
    }

    /** On {@code partition}, or the key's partition if null. */
    public void send(Event event, Integer partition) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, event.userId().asciiBytes(), codec.encode(event)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
