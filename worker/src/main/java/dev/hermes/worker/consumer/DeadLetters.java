package dev.hermes.worker.consumer;

import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.metrics.Meters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a record in the DLQ with the reason; the record is finished once the copy is acknowledged (retried). */
final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final EventPublisher publisher;
    private final RecordWrites writes;
    private final Meters meters;
    private final String workerId;

    DeadLetters(EventPublisher publisher, RecordWrites writes, Meters meters, String workerId) {
        this.publisher = publisher;
        this.writes = writes;
        this.meters = meters;
        this.workerId = workerId;
    }

    void send(
            ConsumerRecord<byte[], byte[]> record,
            TopicPartition tp,
            PartitionProgress progress,
            String reason,
            String field) {
        meters.requests().dlq(field == null ? "unreadable" : field);
        log.warn("record {}-{}@{} goes to the DLQ: {}", record.topic(), record.partition(), record.offset(), reason);
        writes.write(
                tp,
                record.offset(),
                progress,
                "DLQ write",
                () -> publisher.deadLetter(record, reason, field, workerId));
    }
}
