package dev.hermes.admin.internal;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The admin library's writes to Kafka, each sent and waited for (an operator's command is done only when
 * the broker has it). Keys are what the worker writes: the user id, or "global" for settings.
 */
public final class EventWriter {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private final Producer<byte[], byte[]> producer;
    private final EventCodec codec;

    public EventWriter(Producer<byte[], byte[]> producer, EventCodec codec) {
        this.producer = producer;
        this.codec = codec;
    }

    public RecordMetadata event(String topic, UserId key, Event event) {
        return send(new ProducerRecord<>(topic, key == null ? null : key.asciiBytes(), codec.encode(event)));
    }

    public RecordMetadata globalEvent(String topic, Event event) {
        return send(new ProducerRecord<>(topic, "global".getBytes(StandardCharsets.UTF_8), codec.encode(event)));
    }

    public RecordMetadata tombstone(String topic, int partition, UserId key) {
        return send(new ProducerRecord<>(topic, partition, key.asciiBytes(), null));
    }

    public int partitionCount(String topic) {
        return producer.partitionsFor(topic).size();
    }

    public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while writing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new HermesException("writing to " + record.topic() + " failed: " + cause, cause);
        }
    }
}
