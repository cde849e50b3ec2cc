package dev.hermes.ops.audit.dlq;

import dev.hermes.ops.audit.ReplayConsumers;
import dev.hermes.ops.audit.ReplayPlan;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.schemas.HermesException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the whole DLQ topic as it is now (every partition, up to the end offsets at the start) with
 * assign() and seek: no consumer group, no commits. The DLQ is small; the records come back oldest first.
 */
public final class DlqReader {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL = Duration.ofSeconds(30);
    private final ReplayConsumers consumers;
    private final Clock clock;

    public DlqReader(ReplayConsumers consumers, Clock clock) {
        this.consumers = consumers;
        this.clock = clock;
    }

    public List<DlqRecord> readAll(String dlqTopic) {
        List<DlqRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumers.open("hermes-dlq")) {
            ReplayPlan plan = ReplayPlan.prepare(consumer, dlqTopic, ReplayScope.fleet(null, null));
            consumer.assign(plan.partitions());
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition tp : plan.partitions()) {
                consumer.seek(tp, plan.start().get(tp));
                if (plan.start().get(tp) < plan.end().get(tp)) {
                    open.add(tp);
                }
            }
            long lastProgress = clock.millis();
            while (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < plan.end().get(tp)) {
                        records.add(DlqRecord.of(record));
                        lastProgress = clock.millis();
                    }
                }
                open.removeIf(tp -> consumer.position(tp) >= plan.end().get(tp));
                if (clock.millis() - lastProgress > STALL.toMillis()) {
                    throw new HermesException("reading " + dlqTopic + " stalled with " + open.size()
                            + " partition(s) unfinished");
                }
            }
        }
        records.sort(Comparator.comparingLong(DlqRecord::timestampMs)
                .thenComparingInt(r -> r.at().partition()).thenComparingLong(r -> r.at().offset()));
        return records;
    }
}
