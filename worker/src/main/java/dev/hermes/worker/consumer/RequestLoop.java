package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.reply.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the requests consumer. Its state loop: restore newly gained partitions,
 * resume partitions whose backlog drained, commit the lowest unfinished offsets, poll, and hand each
 * record to its family's lane. Other threads only mark records finished in {@link PartitionProgress}.
 */
public final class RequestLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RequestLoop.class);
    private static final long COMMIT_INTERVAL_MS = 200;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final EventCodec codec;
    private final KeyedExecutor<UserId> lanes;
    private final RequestHandler handler;
    private final EventPublisher publisher;
    private final PartitionListener partitions;
    private final Meters meters;
    private final int bufferLimit;
    private final Duration revokeTimeout;
    private final String workerId;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
    private final Set<TopicPartition> backpressured = new HashSet<>();
    private final Deque<TopicPartition> toRestore = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean restoring;
    private volatile long lastPollNanos = System.nanoTime();
    private long lastCommit;

    public RequestLoop(Consumer<byte[], byte[]> consumer, String topic, EventCodec codec, KeyedExecutor<UserId> lanes,
                       RequestHandler handler, EventPublisher publisher, PartitionListener partitions, Meters meters,
                       int bufferLimit, Duration revokeTimeout, String workerId) {
        this.consumer = consumer;
        this.topic = topic;
        this.codec = codec;
        this.lanes = lanes;
        this.handler = handler;
        this.publisher = publisher;
        this.partitions = partitions;
        this.meters = meters;
        this.bufferLimit = bufferLimit;
        this.revokeTimeout = revokeTimeout;
        this.workerId = workerId;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                restorePending();
                relieveBackpressure();
                commitProgress();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    dispatch(record);
                }
                lastPollNanos = System.nanoTime();
                recordLag();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("request loop failed; the worker stops consuming", e);
            throw e;
        } finally {
            if (!running) {
                drainBeforeLeaving();
            }
            try {
                consumer.close(revokeTimeout.plusSeconds(5));
            } catch (RuntimeException e) {
                log.warn("closing the requests consumer: {}", e.getMessage());
            }
            stopped.countDown();
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress p = progress.get(tp);
        if (p == null) {
            return;
        }
        long offset = record.offset();
        p.received(offset);
        Event event;
        try {
            event = decode(record);
        } catch (InvalidEventException e) {
            meters.dlq(e.field() == null ? "unreadable" : e.field());
            log.warn("record {}-{}@{} goes to the DLQ: {}", record.topic(), record.partition(), offset, e.getMessage());
            publisher.deadLetter(record, e.getMessage(), e.field(), workerId).whenComplete((v, error) -> {
                if (error != null) {
                    log.error("could not write record {}@{} to the DLQ", tp, offset, error);
                }
                p.finished(offset);
            });
            return;
        }
        Runnable task = () -> {
            try {
                handler.handle(event, tp.partition()).whenComplete((v, error) -> {
                    if (error != null) {
                        log.error("publishing the outcome of {}@{} failed", tp, offset, error);
                    }
                    p.finished(offset);
                });
            } catch (RuntimeException e) {
                log.error("handling {}@{} failed", tp, offset, e);
                p.finished(offset);
            }
        };
        if (!handler.isQuick(event) || !lanes.runInlineIfIdle(event.userId(), task)) {
            lanes.submit(event.userId(), task);
        }
        if (p.inFlight() >= bufferLimit && backpressured.add(tp)) {
            consumer.pause(List.of(tp));
            meters.partitionsPaused().incrementAndGet();
            log.info("partition {} paused: {} records in flight", tp, p.inFlight());
        }
    }

    /**
     * Shutdown: finish in-flight records and commit them while this member is still in the group.
     * KafkaConsumer.close() stops the heartbeat thread before it calls onPartitionsRevoked, so a drain
     * inside that callback that outlasts the session timeout gets the member evicted: its final commit
     * is rejected and the next owner replays (and answers again) everything it finished meanwhile.
     */
    private void drainBeforeLeaving() {
        try {
            consumer.pause(consumer.assignment());
            long deadline = System.nanoTime() + revokeTimeout.toNanos();
            while (progress.values().stream().anyMatch(p -> p.inFlight() > 0) && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(100)); // all paused: fetches nothing, keeps the membership
                } catch (WakeupException e) {
                    // the wakeup from shutdown() if it came while we were not polling
                }
                commitProgress();
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            progress.forEach((tp, p) -> {
                if (p.committable() >= 0) {
                    offsets.put(tp, new OffsetAndMetadata(p.committable()));
                }
            });
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            log.warn("draining before leaving the group: {}", e.getMessage());
        }
    }

    private Event decode(ConsumerRecord<byte[], byte[]> record) {
        Event event = codec.decode(record.value());
        if (!(event instanceof RuntimeRequested) && !(event instanceof Heartbeat)) {
            throw new InvalidEventException("type", event.type() + " does not belong on the requests topic");
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!event.userId().value().equals(key)) {
            throw new InvalidEventException("key", "record key must be the userId " + event.userId() + ", got "
                    + (key == null ? "no key" : "'" + key + "'"));
        }
        return event;
    }

    /** Restores every partition gained since the last turn in one pass, then resumes them. */
    private void restorePending() {
        if (toRestore.isEmpty()) {
            return;
        }
        restoring = true;
        List<TopicPartition> gained = new ArrayList<>();
        while (!toRestore.isEmpty()) {
            TopicPartition tp = toRestore.poll();
            if (progress.containsKey(tp)) {
                gained.add(tp);
            }
        }
        if (gained.isEmpty()) {
            restoring = false;
            return;
        }
        try {
            partitions.restore(gained.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        } finally {
            restoring = false;
        }
        for (TopicPartition tp : gained) {
            if (!backpressured.contains(tp)) {
                consumer.resume(List.of(tp));
                meters.partitionsPaused().decrementAndGet();
            }
        }
    }

    private void relieveBackpressure() {
        backpressured.removeIf(tp -> {
            PartitionProgress p = progress.get(tp);
            if (p != null && p.inFlight() > bufferLimit / 2) {
                return false;
            }
            if (p != null) {
                consumer.resume(List.of(tp));
                log.info("partition {} resumed", tp);
            }
            meters.partitionsPaused().decrementAndGet();
            return true;
        });
    }

    private void commitProgress() {
        long now = System.currentTimeMillis();
        if (now - lastCommit < COMMIT_INTERVAL_MS) {
            return;
        }
        lastCommit = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((tp, p) -> {
            if (p.advanced()) {
                offsets.put(tp, new OffsetAndMetadata(p.committable()));
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (o, error) -> {
                if (error != null) {
                    log.warn("offset commit failed (will retry with later offsets): {}", error.getMessage());
                }
            });
        }
    }

    private void recordLag() {
        for (TopicPartition tp : progress.keySet()) {
            consumer.currentLag(tp).ifPresent(l -> lag.put(tp.partition(), l));
        }
    }

    /** Ready when polling and no gained partition is still restoring its state. */
    public boolean ready() {
        return running && !restoring && toRestore.isEmpty()
                && System.nanoTime() - lastPollNanos < Duration.ofSeconds(30).toNanos();
    }

    /** For /livez: a wedged loop stops polling; a healthy one polls every 50 ms even when idle. */
    public boolean polledRecently() {
        return System.nanoTime() - lastPollNanos < Duration.ofSeconds(60).toNanos();
    }

    public Set<Integer> ownedPartitions() {
        return progress.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    public int inFlight(int partition) {
        PartitionProgress p = progress.get(new TopicPartition(topic, partition));
        return p == null ? 0 : p.inFlight();
    }

    /** Stops polling, lets in-flight work finish (bounded), commits and leaves the group. */
    public void shutdown() throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            log.info("gained partitions {}", assigned);
            consumer.pause(assigned);
            for (TopicPartition tp : assigned) {
                progress.put(tp, new PartitionProgress());
                toRestore.add(tp);
                meters.partitionsPaused().incrementAndGet();
                meters.partitionOwned(tp.partition(), () -> inFlight(tp.partition()),
                        () -> lag.getOrDefault(tp.partition(), 0L));
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
            long deadline = System.nanoTime() + revokeTimeout.toNanos();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : released) {
                PartitionProgress p = progress.get(tp);
                if (p == null) {
                    continue;
                }
                try {
                    if (commit && !p.awaitDrained(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))) {
                        log.warn("partition {}: {} records still in flight at revoke; the next owner replays them",
                                tp, p.inFlight());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (p.committable() >= 0) {
                    offsets.put(tp, new OffsetAndMetadata(p.committable()));
                }
            }
            if (commit && !offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (RuntimeException e) {
                    log.warn("commit at revoke failed: {}", e.getMessage());
                }
            }
            for (TopicPartition tp : released) {
                if (progress.remove(tp) != null) {
                    if (backpressured.remove(tp) || toRestore.remove(tp)) {
                        meters.partitionsPaused().decrementAndGet();
                    }
                    meters.partitionReleased(tp.partition());
                    lag.remove(tp.partition());
                }
            }
            partitions.released(released.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        }
    }
}
