package dev.hermes.admin;

import dev.hermes.schemas.HermesException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Puts a dead-lettered record back where it was read from: same topic and partition, same key, value and
 * original headers, the {@code hermes.dlq.*} headers replaced by {@code hermes.dlq.replayed-from} (the DLQ
 * record), so a record that fails again can be traced. Waits for the broker's ack.
 */
public final class DlqReplayer implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;

    /** Takes {@code producer} over: {@link #close} closes it. See {@link DeadLetters#replayer}. */
    public DlqReplayer(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Sends the record to {@code to} and returns where it landed. */
    public DlqSource replay(DlqRecord record, DlqSource to) {
        List<PartitionInfo> partitions = producer.partitionsFor(to.topic());
        Integer partition = to.partition() < partitions.size() ? to.partition() : null;
        RecordHeaders headers = new RecordHeaders(record.originalHeaders());
        headers.add(
                new RecordHeader(DlqRecord.REPLAYED_FROM, record.at().toString().getBytes(StandardCharsets.UTF_8)));
        try {
            RecordMetadata sent = producer.send(
                            new ProducerRecord<>(to.topic(), partition, record.key(), record.value(), headers))
                    .get(60, TimeUnit.SECONDS);
            return new DlqSource(sent.topic(), sent.partition(), sent.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while replaying " + record.at(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HermesException("replaying " + record.at() + " to " + to.topic() + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
