package dev.hermes.worker.consumer;

import dev.hermes.worker.metrics.Meters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why an owned requests partition is paused in Kafka: it waits for its state restore, it has too many records
 * waiting for their lanes (backpressure), or a DLQ or move write of it keeps failing (halted). It is resumed only
 * when no hold is left. Used on the poll thread only.
 */
final class PartitionHolds {
    private static final Logger log = LoggerFactory.getLogger(PartitionHolds.class);
    private final Consumer<byte[], byte[]> consumer;
    private final OwnedPartitions owned;
    private final RecordWrites writes;
    private final Meters meters;
    private final int bufferLimit;
    private final Set<TopicPartition> halted = new HashSet<>();

    PartitionHolds(
            Consumer<byte[], byte[]> consumer,
            OwnedPartitions owned,
            RecordWrites writes,
            Meters meters,
            int bufferLimit) {
        this.consumer = consumer;
        this.owned = owned;
        this.writes = writes;
        this.meters = meters;
        this.bufferLimit = bufferLimit;
    }

    /** After a dispatch: bounds the work waiting for a lane (records only waiting for their writes are not counted). */
    void backpressureIfFull(TopicPartition tp, PartitionProgress p) {
        if (p.unhandled() >= bufferLimit && owned.backpressured().add(tp)) {
            consumer.pause(List.of(tp));
            log.info("partition {} paused: {} records waiting to be handled", tp, p.unhandled());
        }
    }

    /** Releases the backpressure of partitions whose backlog fell to half the limit. */
    void relieveBackpressure() {
        List<TopicPartition> relieved = new ArrayList<>();
        owned.backpressured().removeIf(tp -> owned.progress(tp).unhandled() <= bufferLimit / 2 && relieved.add(tp));
        relieved.forEach(tp -> resumeIfFree(tp, "its backlog drained"));
    }

    /** Halts the partitions whose write keeps failing; resumes those whose write went through. */
    void haltFailingWrites() {
        Map<TopicPartition, String> failing = writes.halted();
        for (TopicPartition tp : failing.keySet()) {
            if (owned.progress(tp) != null && halted.add(tp)) {
                consumer.pause(List.of(tp));
            }
        }
        List<TopicPartition> cleared = new ArrayList<>();
        halted.removeIf(tp -> !failing.containsKey(tp) && cleared.add(tp));
        cleared.forEach(tp -> resumeIfFree(tp, "its failing write went through"));
        meters.partitions().halted().set(halted.size());
    }

    /** Restores every partition gained since the last turn in one pass, then resumes them. */
    void restorePending(PartitionListener partitions) {
        List<TopicPartition> gained = owned.awaitingRestore();
        if (gained.isEmpty()) {
            return;
        }
        partitions.restore(gained.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        for (TopicPartition tp : gained) {
            owned.restored(tp);
            resumeIfFree(tp, null);
        }
    }

    private void resumeIfFree(TopicPartition tp, String why) {
        if (owned.progress(tp) == null
                || owned.isAwaitingRestore(tp)
                || owned.backpressured().contains(tp)
                || writes.halted().containsKey(tp)) {
            return;
        }
        consumer.resume(List.of(tp));
        if (why != null) {
            log.info("partition {} resumed: {}", tp, why);
        }
    }
}
