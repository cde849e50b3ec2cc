package dev.hermes.worker.activity;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the activity of one partition's families from the compacted last-active topic: reads the
 * partition of the same number from the beginning to its end offset with an assign()-ed consumer (no
 * group, so the assignor never has to co-partition the two topics). A tombstone deletes the family.
 */
public final class StateRestorer {
    private static final Logger log = LoggerFactory.getLogger(StateRestorer.class);
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String topic;
    private final ActivityTracker activity;
    private final EventCodec codec;

    public StateRestorer(
            Supplier<Consumer<byte[], byte[]>> consumers, String topic, EventCodec codec, ActivityTracker activity) {
        this.consumers = consumers;
        this.topic = topic;
        this.activity = activity;
        this.codec = codec;
    }

    /** Restores every given partition with one consumer; returns the number of records read. */
    public long restore(Collection<Integer> partitions) {
        long t0 = System.nanoTime();
        List<TopicPartition> tps =
                partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        long read = 0;
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps, Duration.ofSeconds(30));
            List<TopicPartition> pending = new ArrayList<>(tps);
            while (!pending.isEmpty()) {
                pending.removeIf(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= ends.getOrDefault(tp, 0L));
                if (pending.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    apply(record, record.partition());
                    read++;
                }
            }
        }
        log.info(
                "restored last-active partitions {}: {} records in {} ms",
                partitions,
                read,
                (System.nanoTime() - t0) / 1_000_000);
        return read;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, int partition) {
        try {
            if (record.value() == null) {
                if (record.key() != null) {
                    activity.forget(UserId.of(new String(record.key(), StandardCharsets.UTF_8)));
                }
                return;
            }
            if (record.key() == null) {
                throw new InvalidEventException("key", "a last-active record needs the user id as its key");
            }
            UserId user = UserId.parse(record.key());
            if (user == null) {
                user = UserId.of(new String(record.key(), StandardCharsets.UTF_8)); // throws, naming the key
            }
            LastActive last = codec.decode(record.value(), LastActive.class);
            activity.restored(user, partition, last.lastActiveAt(), last.host());
        } catch (InvalidEventException | dev.hermes.schemas.InvalidUserIdException e) {
            log.warn(
                    "skipping unreadable last-active record at {}@{}: {}",
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }
}
