package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
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
    private static final long LAG_SAMPLE_INTERVAL_NANOS = 1_000_000_000L;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final RecordDecoder decoder;
    private final KeyedExecutor<UserId> lanes;
    private final RequestHandler handler;
    private final EventPublisher publisher;
    private final PartitionListener partitions;
    private final Meters meters;
    private final Duration revokeTimeout;
    private final String workerId;
    private final OwnedPartitions owned = new OwnedPartitions();
    private final RecordWrites writes;
    private final DeadLetters deadLetters;
    private final PartitionHolds holds;
    private final PartitionRouting routing;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile long lastPollNanos = System.nanoTime();
    private long lastCommit;
    private long lastLagSampleNanos = System.nanoTime() - LAG_SAMPLE_INTERVAL_NANOS;

    public RequestLoop(
            Consumer<byte[], byte[]> consumer,
            String topic,
            EventCodec codec,
            KeyedExecutor<UserId> lanes,
            RequestHandler handler,
            EventPublisher publisher,
            PartitionListener partitions,
            Meters meters,
            int bufferLimit,
            Duration revokeTimeout,
            String workerId) {
        this.consumer = consumer;
        this.topic = topic;
        this.decoder = new RecordDecoder(codec);
        this.lanes = lanes;
        this.handler = handler;
        this.publisher = publisher;
        this.partitions = partitions;
        this.meters = meters;
        this.revokeTimeout = revokeTimeout;
        this.workerId = workerId;
        this.writes = new RecordWrites(meters, Duration.ofMillis(500), Duration.ofSeconds(10));
        this.deadLetters = new DeadLetters(publisher, writes, meters, workerId);
        this.routing = new PartitionRouting(consumer, topic, publisher, writes, deadLetters, meters);
        this.holds = new PartitionHolds(consumer, owned, writes, meters, bufferLimit);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(
                    List.of(topic),
                    new Rebalance(consumer, owned, partitions, meters, revokeTimeout, () -> writes.retryDue(owned)));
            while (running) {
                holds.restorePending(partitions);
                writes.retryDue(owned);
                holds.haltFailingWrites();
                holds.relieveBackpressure();
                routing.refreshPartitionCount();
                commitProgress();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    dispatch(record);
                }
                lastPollNanos = System.nanoTime();
                sampleLag();
                meters.partitions().paused().set(owned.paused());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException | Error e) {
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
        PartitionProgress p = owned.progress(tp);
        if (p == null) {
            return;
        }
        long offset = record.offset();
        p.received(offset);
        if (routing.movedAway(record, tp, p)) {
            return;
        }
        Event event;
        try {
            event = decoder.decode(record);
        } catch (InvalidEventException e) {
            p.handled();
            deadLetters.send(record, tp, p, e.getMessage(), e.field());
            decoder.replyCoordinates(record).ifPresent(to -> refuse(to, e.getMessage(), tp, offset));
            return;
        }
        Runnable task = new RecordTask(handler, event, record, tp, p, deadLetters, meters);
        if (!handler.isQuick(event) || !lanes.runInlineIfIdle(event.userId(), task)) {
            lanes.submit(event.userId(), task);
        }
        holds.backpressureIfFull(tp, p);
    }

    /** An invalid request whose caller can be told: the handler answers without blocking; the DLQ copy is queued. */
    private void refuse(ReplyCoordinates to, String reason, TopicPartition tp, long offset) {
        try {
            handler.refuse(to, reason);
        } catch (RuntimeException e) {
            log.warn("answering the invalid request {}@{} failed: {}", tp, offset, e.toString());
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
            while (owned.anyInFlight() && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(100)); // all paused: fetches nothing, keeps the membership
                } catch (WakeupException e) {
                    // the wakeup from shutdown() if it came while we were not polling
                }
                writes.retryDue(owned);
                commitProgress();
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = owned.committable(owned.all(), false);
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            log.warn("draining before leaving the group: {}", e.getMessage());
        }
    }

    /** Partition lag for the meters, once a second: a busy loop polls hundreds of times a second. */
    private void sampleLag() {
        if (lastPollNanos - lastLagSampleNanos < LAG_SAMPLE_INTERVAL_NANOS) {
            return;
        }
        lastLagSampleNanos = lastPollNanos;
        owned.all().forEach(tp -> consumer.currentLag(tp).ifPresent(l -> owned.lag(tp, l)));
    }

    private void commitProgress() {
        long now = System.currentTimeMillis();
        if (now - lastCommit < COMMIT_INTERVAL_MS) {
            return;
        }
        lastCommit = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = owned.committable(owned.all(), true);
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (o, error) -> {
                if (error != null) {
                    log.warn("offset commit failed (will retry with later offsets): {}", error.getMessage());
                }
            });
        }
    }

    /** Ready when polling, no gained partition is still waiting for its state restore, and none is halted. */
    public boolean ready() {
        return notReadyReason() == null;
    }

    /** Why the loop is not ready, or null if it is: what /readyz tells. */
    public String notReadyReason() {
        if (!running) {
            return "request loop stopped";
        }
        if (System.nanoTime() - lastPollNanos >= Duration.ofSeconds(30).toNanos()) {
            return "request loop has not polled for 30 s";
        }
        if (owned.restorePending()) {
            return "restoring the state of gained partitions";
        }
        Map<TopicPartition, String> stopped = writes.halted();
        if (!stopped.isEmpty()) {
            return "partitions halted: "
                    + stopped.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("; "));
        }
        return null;
    }

    /** True once {@link #shutdown} was called: the loop ending then is not a failure. */
    public boolean stopping() {
        return !running;
    }

    /** For /livez: a wedged loop stops polling; a healthy one polls every 50 ms even when idle. */
    public boolean polledRecently() {
        return System.nanoTime() - lastPollNanos < Duration.ofSeconds(60).toNanos();
    }

    public Set<Integer> ownedPartitions() {
        return owned.partitionNumbers();
    }

    /** Stops polling, lets in-flight work finish (bounded), commits and leaves the group. */
    public void shutdown() throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await();
    }
}
