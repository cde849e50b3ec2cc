package dev.hermes.worker.consumer;

import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner per family, whatever the producer: a record off its key's partition (a librdkafka producer hashes
 * with CRC32) is not acted on where it is, but moved once to the partition Kafka's Java client gives its key
 * (murmur2), whose owner owns the family. Used by the loop thread only.
 */
final class PartitionRouting {
    private static final Logger log = LoggerFactory.getLogger(PartitionRouting.class);
    /** Until the count is known, it is asked for once a second; after that every 10 s (a topic grows rarely). */
    private static final long UNKNOWN_REFRESH_NANOS = 1_000_000_000L;

    private static final long KNOWN_REFRESH_NANOS = 10_000_000_000L;
    /**
     * The count usually comes from the consumer's metadata cache at once; when it is not there (the broker is down or
     * just restarted), the loop thread waits at most this long for the broker, then goes on with the last count.
     */
    static final Duration METADATA_WAIT = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final EventPublisher publisher;
    private final RecordWrites writes;
    private final DeadLetters deadLetters;
    private final Meters meters;
    private int partitionCount;
    private long lastRefreshNanos;
    private boolean asked;

    PartitionRouting(
            Consumer<byte[], byte[]> consumer,
            String topic,
            EventPublisher publisher,
            RecordWrites writes,
            DeadLetters deadLetters,
            Meters meters) {
        this.consumer = consumer;
        this.topic = topic;
        this.publisher = publisher;
        this.writes = writes;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /**
     * Moves the record if it is off its key's partition, and says so; false if it belongs where it is (or has no
     * key, which the decoder refuses, or the partition count is not known yet).
     */
    boolean movedAway(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress p) {
        if (record.key() == null || partitionCount <= 0) {
            return false;
        }
        int canonical = Partitions.ofKey(record.key(), partitionCount);
        if (canonical == record.partition()) {
            return false;
        }
        p.handled();
        if (record.headers().lastHeader(EventPublisher.MOVED_FROM_HEADER) != null) {
            deadLetters.send(
                    record,
                    tp,
                    p,
                    "moved once already and still not on its key's partition " + canonical
                            + " (did the partition count change?)",
                    "partition");
            return true;
        }
        meters.partitions().recordMoved();
        log.debug("record {}@{} belongs on partition {}: moving it", tp, record.offset(), canonical);
        writes.write(
                tp,
                record.offset(),
                p,
                "move to partition " + canonical,
                () -> publisher.moveToPartition(record, canonical));
        return true;
    }

    /**
     * The requests topic's partition count, from the consumer's metadata. Runs on the loop thread, so it never waits
     * for the broker longer than {@link #METADATA_WAIT}: with the broker down, a longer wait on every refresh stalled
     * the whole loop (seen in ops/chaos's broker_kill: 5 s of every 6).
     */
    void refreshPartitionCount() {
        long now = System.nanoTime();
        long interval = partitionCount > 0 ? KNOWN_REFRESH_NANOS : UNKNOWN_REFRESH_NANOS;
        if (asked && now - lastRefreshNanos < interval) {
            return;
        }
        asked = true;
        lastRefreshNanos = now;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_WAIT);
            if (infos != null && !infos.isEmpty()) {
                partitionCount = infos.size();
            }
        } catch (KafkaException e) {
            if (partitionCount > 0) {
                log.debug(
                        "partition count of {} not refreshed ({}); keeping {}", topic, e.getMessage(), partitionCount);
                return;
            }
            log.warn(
                    "partition count of {} unknown ({}); records are not checked for their partition until it is",
                    topic,
                    e.getMessage());
        }
    }

    /** The count records are checked against; 0 while unknown. */
    int partitionCount() {
        return partitionCount;
    }
}
