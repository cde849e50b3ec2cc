package dev.hermes.ops.audit;

import dev.hermes.schemas.HermesException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The offsets a replay reads, fixed before it starts: from the beginning (or the first record stamped at
 * or after --since minus the slack) up to the end offsets as they were at the start, so a replay ends even
 * while workers keep writing.
 */
public record ReplayPlan(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public ReplayPlan {
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }

    public static ReplayPlan prepare(Consumer<?, ?> consumer, String topic, ReplayScope scope) {
        List<TopicPartition> partitions = partitionsToRead(consumer, topic, scope);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> start = new HashMap<>(consumer.beginningOffsets(partitions, TIMEOUT));
        Long seekMs = scope.seekTimestampMs();
        if (seekMs != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, seekMs));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                start.put(tp, at == null ? end.get(tp) : Math.max(at.offset(), start.get(tp)));
            }
        }
        return new ReplayPlan(start, end);
    }

    /** The partition the default partitioner (murmur2 of the key) puts a key in. */
    public static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    private static List<TopicPartition> partitionsToRead(Consumer<?, ?> consumer, String topic, ReplayScope scope) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new HermesException("topic " + topic + " does not exist (check HERMES_TOPIC_PREFIX)");
        }
        if (scope.user() != null && !scope.allPartitions()) {
            return List.of(new TopicPartition(topic, partitionOf(scope.user().value(), infos.size())));
        }
        return infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    public List<TopicPartition> partitions() {
        return end.keySet().stream()
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
    }

    public long total() {
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - start.get(e.getKey())))
                .sum();
    }
}
