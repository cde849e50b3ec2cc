package dev.hermes.worker.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the poll loop knows of each requests partition it owns: the progress of its records, whether it
 * waits for its state restore, whether it is paused for backpressure, and its lag. Changed only on the
 * poll thread; the concurrent maps are for the metrics and readiness readers.
 */
final class OwnedPartitions {
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
    private final Set<TopicPartition> awaitingRestore = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> backpressured = ConcurrentHashMap.newKeySet();

    void gain(TopicPartition tp) {
        progress.put(tp, new PartitionProgress());
        awaitingRestore.add(tp);
    }

    /** Forgets the partition; returns false if it was not owned. */
    boolean release(TopicPartition tp) {
        awaitingRestore.remove(tp);
        backpressured.remove(tp);
        lag.remove(tp.partition());
        return progress.remove(tp) != null;
    }

    PartitionProgress progress(TopicPartition tp) {
        return progress.get(tp);
    }

    /** The partitions waiting for their state restore; they stay paused until {@link #restored}. */
    List<TopicPartition> awaitingRestore() {
        return new ArrayList<>(awaitingRestore);
    }

    boolean isAwaitingRestore(TopicPartition tp) {
        return awaitingRestore.contains(tp);
    }

    void restored(TopicPartition tp) {
        awaitingRestore.remove(tp);
    }

    boolean restorePending() {
        return !awaitingRestore.isEmpty();
    }

    Set<TopicPartition> backpressured() {
        return backpressured;
    }

    /** Paused for either reason: what the paused-partitions gauge shows. */
    int paused() {
        return (int) progress.keySet().stream()
                .filter(tp -> isAwaitingRestore(tp) || backpressured.contains(tp))
                .count();
    }

    /** The lowest unfinished offset of each given partition; only those that moved if {@code onlyAdvanced}. */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> which, boolean onlyAdvanced) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : which) {
            PartitionProgress p = progress.get(tp);
            if (p != null && (onlyAdvanced ? p.advanced() : p.committable() >= 0)) {
                offsets.put(tp, new OffsetAndMetadata(p.committable()));
            }
        }
        return offsets;
    }

    Set<TopicPartition> all() {
        return progress.keySet();
    }

    boolean anyInFlight() {
        return progress.values().stream().anyMatch(p -> p.inFlight() > 0);
    }

    int inFlight(TopicPartition tp) {
        PartitionProgress p = progress.get(tp);
        return p == null ? 0 : p.inFlight();
    }

    void lag(TopicPartition tp, long records) {
        lag.put(tp.partition(), records);
    }

    long lag(int partition) {
        return lag.getOrDefault(partition, 0L);
    }

    Set<Integer> partitionNumbers() {
        return progress.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
