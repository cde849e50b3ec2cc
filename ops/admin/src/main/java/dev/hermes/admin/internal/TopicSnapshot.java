package dev.hermes.admin.internal;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.HermesException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole (small) topic as it is now: every partition from the beginning up to the end offsets taken
 * at the start, so the read ends even while others keep writing. assign() and seek: no group, no commits.
 */
public final class TopicSnapshot {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALL = Duration.ofSeconds(30);
    private final KafkaAccess kafka;
    private final Clock clock;

    public TopicSnapshot(KafkaAccess kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    public List<ConsumerRecord<byte[], byte[]>> read(String topic, String clientId) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.openReader(clientId)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new HermesException("topic " + topic + " does not exist (check HERMES_TOPIC_PREFIX)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, start.get(tp));
                if (start.get(tp) < end.get(tp)) {
                    open.add(tp);
                }
            }
            long lastProgress = clock.millis();
            while (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                        lastProgress = clock.millis();
                    }
                }
                open.removeIf(tp -> consumer.position(tp) >= end.get(tp));
                if (clock.millis() - lastProgress > STALL.toMillis()) {
                    throw new HermesException(
                            "reading " + topic + " stalled with " + open.size() + " partition(s) unfinished");
                }
            }
        }
        return records;
    }
}
