package dev.hermes.worker.consumer;

import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the poll thread inside poll(). A gained partition is paused until the loop has restored its
 * state; a revoked one gets a bounded wait for its in-flight records, a commit of its lowest unfinished
 * offset, and its families dropped from memory. A lost one is dropped without a commit.
 */
final class Rebalance implements ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(Rebalance.class);
    private final Consumer<byte[], byte[]> consumer;
    private final OwnedPartitions owned;
    private final PartitionListener partitions;
    private final Meters meters;
    private final Duration revokeTimeout;
    private final Runnable sendQueuedWrites;

    Rebalance(
            Consumer<byte[], byte[]> consumer,
            OwnedPartitions owned,
            PartitionListener partitions,
            Meters meters,
            Duration revokeTimeout,
            Runnable sendQueuedWrites) {
        this.sendQueuedWrites = sendQueuedWrites;
        this.consumer = consumer;
        this.owned = owned;
        this.partitions = partitions;
        this.meters = meters;
        this.revokeTimeout = revokeTimeout;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        log.info("gained partitions {}", assigned);
        consumer.pause(assigned);
        for (TopicPartition tp : assigned) {
            owned.gain(tp);
            meters.partitions().owned(tp.partition(), () -> owned.inFlight(tp), () -> owned.lag(tp.partition()));
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        release(revoked, true);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        release(lost, false);
    }

    private void release(Collection<TopicPartition> released, boolean commit) {
        if (released.isEmpty()) {
            return;
        }
        log.info("releasing partitions {} ({})", released, commit ? "revoked" : "lost");
        if (commit) {
            sendQueuedWrites.run(); // DLQ copies and moves waiting for the poll thread: this is the poll thread
            awaitInFlight(released);
            Map<TopicPartition, OffsetAndMetadata> offsets = owned.committable(released, false);
            try {
                if (!offsets.isEmpty()) {
                    consumer.commitSync(offsets);
                }
            } catch (RuntimeException e) {
                log.warn("commit at revoke failed: {}", e.getMessage());
            }
        }
        for (TopicPartition tp : released) {
            if (owned.release(tp)) {
                meters.partitions().released(tp.partition());
            }
        }
        partitions.released(released.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
    }

    private void awaitInFlight(Collection<TopicPartition> released) {
        long deadline = System.nanoTime() + revokeTimeout.toNanos();
        for (TopicPartition tp : released) {
            PartitionProgress p = owned.progress(tp);
            try {
                if (p != null && !p.awaitDrained(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))) {
                    log.warn(
                            "partition {}: {} records still in flight at revoke; the next owner replays them",
                            tp,
                            p.inFlight());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
