package dev.hermes.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.consumer.PartitionListener;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop thread's end is reported as a death (WorkerMain then exits 1) unless the worker is shutting down. */
class LoopDeathTest {
    private final Topics topics = new Topics("t.");
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(1, "test-lane");
    private final RequestLoop loop = new RequestLoop(
            consumer,
            topics.requests(),
            new EventCodec(),
            lanes,
            (event, partition) -> CompletableFuture.completedFuture(null),
            new EventPublisher(producer, producer, topics, new EventCodec()),
            PartitionListener.NONE,
            Meters.none(),
            10,
            Duration.ofSeconds(1),
            "worker-1");

    @AfterEach
    void close() {
        lanes.close();
    }

    @Test
    void aLoopThatFailsIsReportedDeadWithItsCause() {
        CompletableFuture<Throwable> died = new CompletableFuture<>();
        consumer.setPollException(new KafkaException("the broker said no"));

        Thread thread = new Thread(() -> Worker.runLoop(loop, died));
        thread.start();

        assertThat(died)
                .succeedsWithin(Duration.ofSeconds(10))
                .satisfies(cause -> assertThat(cause).hasMessage("the broker said no"));
    }

    @Test
    void aLoopStoppedByShutdownIsNotADeath() throws Exception {
        CompletableFuture<Throwable> died = new CompletableFuture<>();
        Thread thread = new Thread(() -> Worker.runLoop(loop, died));
        thread.start();
        await().atMost(Duration.ofSeconds(5)).until(loop::polledRecently);

        loop.shutdown();
        thread.join(5_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(died).isNotDone();
    }
}
