package dev.hermes.client.internal;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the reply consumer: one thread reads this client's fixed reply partition (assign(), no group)
 * and completes the waiting futures by correlation id. It is positioned at the end before the
 * constructor returns, so a reply to the very first request cannot be missed.
 */
public final class ReplyListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);
    private final Consumer<byte[], byte[]> consumer;
    private final EventCodec codec;
    private final Map<UUID, CompletableFuture<Event>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile RuntimeException refusal;

    public ReplyListener(Consumer<byte[], byte[]> consumer, TopicPartition partition, EventCodec codec) {
        this.consumer = consumer;
        this.codec = codec;
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition, Duration.ofSeconds(30));
        this.thread = new Thread(this::run, "hermes-client-replies-" + partition);
        thread.setDaemon(true);
        thread.start();
    }

    /** Register before sending the request, so the reply finds its waiter. */
    public CompletableFuture<Event> await(UUID correlationId) {
        CompletableFuture<Event> future = new CompletableFuture<>();
        waiting.put(correlationId, future);
        future.whenComplete((r, e) -> waiting.remove(correlationId, future));
        RuntimeException refused = refusal; // read after the put: failAll either sees this future or is seen here
        if (refused != null) {
            future.completeExceptionally(refused);
        }
        return future;
    }

    /** Fails every pending wait, and every later one, with {@code reason}: no thread waits for a reply that cannot come. */
    public void failAll(RuntimeException reason) {
        refusal = reason;
        waiting.values().forEach(future -> future.completeExceptionally(reason));
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("reply consumer woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("reply consumer stopped; pending ensureRuntime calls will time out", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        Event event;
        try {
            event = codec.decode(record.value());
        } catch (InvalidEventException e) {
            log.warn(
                    "ignoring undecodable reply at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        UUID correlationId = event instanceof RuntimeReady r
                ? r.correlationId()
                : event instanceof RuntimeFailed f ? f.correlationId() : null;
        CompletableFuture<Event> future = correlationId == null ? null : waiting.get(correlationId);
        if (future != null) {
            future.complete(event);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await();
    }
}
