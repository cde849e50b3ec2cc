package dev.hermes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client on kafka-clients' MockProducer and MockConsumer: what it sends, and how it reads the answers. */
class RuntimeClientTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UserId USER = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");
    private static final RuntimeClientConfig CONFIG = RuntimeClientConfig.of("127.0.0.1:9", "chat")
            .withTopics(new Topics("test."))
            .withReplyPartition(3);
    private static final TopicPartition REPLIES = new TopicPartition("test.runtime.replies", 3);

    private final EventCodec codec = new EventCodec();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");
    private long replyOffset;
    private RuntimeClient client;

    private RuntimeClient client() {
        consumer.updateEndOffsets(Map.of(REPLIES, 0L));
        client = new RuntimeClient(
                CONFIG, Clock.fixed(NOW, ZoneOffset.UTC), ClientMetrics.none(), () -> producer, () -> consumer);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theRequestCarriesTheConfiguredReplyTopicAndPartitionAndIsKeyedByUser() {
        client().ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        RuntimeRequested request = codec.decode(sent.value(), RuntimeRequested.class);
        assertThat(sent.topic()).isEqualTo("test.runtime.requests");
        assertThat(sent.key()).isEqualTo(USER.value());
        assertThat(request.userId()).isEqualTo(USER);
        assertThat(request.replyTopic()).isEqualTo(REPLIES.topic());
        assertThat(request.replyPartition()).isEqualTo(3);
        assertThat(request.source()).isEqualTo("chat");
        assertThat(request.deadline()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aReadyReplyWithTheRequestsCorrelationIdCompletesTheEnsure() throws Exception {
        CompletableFuture<RuntimeHandle> ensured = client().ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        reply(ready(lastRequest().correlationId(), "http://127.0.0.1:40001"));

        RuntimeHandle handle = ensured.get(10, TimeUnit.SECONDS);
        assertThat(handle.url()).isEqualTo("http://127.0.0.1:40001");
        assertThat(handle.userId()).isEqualTo(USER);
        assertThat(handle.coldStart()).isTrue();
    }

    @Test
    void aReplyForAnotherCorrelationIdIsIgnored() throws Exception {
        CompletableFuture<RuntimeHandle> ensured = client().ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        reply(ready(UUID.randomUUID(), "http://127.0.0.1:40002"));
        assertThatThrownBy(() -> ensured.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        reply(ready(lastRequest().correlationId(), "http://127.0.0.1:40003"));

        assertThat(ensured.get(10, TimeUnit.SECONDS).url()).isEqualTo("http://127.0.0.1:40003");
    }

    @Test
    void aFailedReplyBecomesRuntimeFailedExceptionWithItsReason() {
        RuntimeClient runtimes = client();
        CompletableFuture<RuntimeHandle> ensured = runtimes.ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        reply(new RuntimeFailed(
                UUID.randomUUID(),
                NOW,
                USER,
                lastRequest().correlationId(),
                FailureReason.HEALTH_TIMEOUT,
                "no 200 from /health",
                "worker-1",
                null));

        assertThatThrownBy(() -> ensured.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RuntimeFailedException.class)
                .hasMessageContaining("no 200 from /health")
                .satisfies(e -> {
                    assertThat(((RuntimeFailedException) e).reason()).isEqualTo(FailureReason.HEALTH_TIMEOUT);
                    assertThat(((RuntimeFailedException) e).retryAfter()).isEmpty();
                });
    }

    @Test
    void aCapacityAnswerCarriesItsRetryAfterHint() {
        RuntimeClient runtimes = client();
        CompletableFuture<RuntimeHandle> ensured = runtimes.ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        reply(new RuntimeFailed(
                UUID.randomUUID(),
                NOW,
                USER,
                lastRequest().correlationId(),
                FailureReason.CAPACITY,
                "the engine is full",
                "worker-1",
                null,
                42_000L));

        assertThatThrownBy(() -> ensured.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RuntimeFailedException.class)
                .satisfies(e -> {
                    assertThat(((RuntimeFailedException) e).reason()).isEqualTo(FailureReason.CAPACITY);
                    assertThat(((RuntimeFailedException) e).retryAfter()).contains(Duration.ofSeconds(42));
                });
    }

    @Test
    void anInvalidRequestAnswerBecomesInvalidRequestExceptionNamingTheField() {
        RuntimeClient runtimes = client();
        CompletableFuture<RuntimeHandle> ensured = runtimes.ensureRuntimeAsync(USER, Duration.ofSeconds(30));

        reply(new RuntimeFailed(
                UUID.randomUUID(),
                NOW,
                USER,
                lastRequest().correlationId(),
                FailureReason.INVALID_REQUEST,
                "field 'deadline': is required",
                "worker-1",
                null));

        assertThatThrownBy(() -> ensured.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(InvalidRequestException.class)
                .isInstanceOf(RuntimeFailedException.class)
                .hasMessageContaining("refused as invalid")
                .hasMessageContaining("field 'deadline': is required")
                .satisfies(e ->
                        assertThat(((RuntimeFailedException) e).reason()).isEqualTo(FailureReason.INVALID_REQUEST));
    }

    @Test
    void closingTheClientFailsEveryPendingEnsureAtOnceSoNoThreadStaysBlocked() throws Exception {
        RuntimeClient runtimes = client();
        CompletableFuture<RuntimeHandle> pending = runtimes.ensureRuntimeAsync(USER, Duration.ofHours(1));
        CompletableFuture<Throwable> blocked = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                runtimes.ensureRuntime(USER, Duration.ofHours(1));
                blocked.complete(null);
            } catch (RuntimeException e) {
                blocked.complete(e);
            }
        });
        caller.start();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> producer.history().size() == 2);

        long t0 = System.nanoTime();
        runtimes.close();

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(RuntimeClientClosedException.class);
        assertThatThrownBy(() -> pending.get(1, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RuntimeClientClosedException.class)
                .hasMessageContaining("closed before the answer came");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
    }

    @Test
    void aClosedClientRefusesNewCallsAndClosesOnlyOnce() {
        RuntimeClient runtimes = client();
        runtimes.close();

        assertThatThrownBy(() -> runtimes.ensureRuntime(USER, Duration.ofHours(1)))
                .isInstanceOf(RuntimeClientClosedException.class);
        assertThat(runtimes.heartbeat(USER)).failsWithin(Duration.ofSeconds(1));
        assertThat(producer.history()).isEmpty();
        runtimes.close();
    }

    @Test
    void noReplyByTheDeadlineBecomesEnsureTimeoutException() {
        assertThatThrownBy(() -> client().ensureRuntime(USER, Duration.ofMillis(200)))
                .isInstanceOf(EnsureTimeoutException.class)
                .hasMessageContaining(USER.value())
                .satisfies(
                        e -> assertThat(((EnsureTimeoutException) e).waited()).isEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void aHeartbeatIsPublishedKeyedByTheUser() throws Exception {
        client().heartbeat(USER, "device-42").get(10, TimeUnit.SECONDS);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        Heartbeat heartbeat = codec.decode(sent.value(), Heartbeat.class);
        assertThat(sent.topic()).isEqualTo("test.runtime.requests");
        assertThat(sent.key()).isEqualTo(USER.value());
        assertThat(heartbeat.userId()).isEqualTo(USER);
        assertThat(heartbeat.deviceId()).isEqualTo("device-42");
        assertThat(heartbeat.source()).isEqualTo("chat");
        assertThat(heartbeat.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void closingTheClientClosesItsKafkaClients() {
        client().close();
        client = null;

        assertThat(producer.closed()).isTrue();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aConstructorThatFailsClosesWhatItOpened() {
        // no end offset for the reply partition: positioning the reply consumer fails
        assertThatThrownBy(() -> new RuntimeClient(
                        CONFIG, Clock.systemUTC(), ClientMetrics.none(), () -> producer, () -> consumer))
                .isInstanceOf(IllegalStateException.class);
        assertThat(producer.closed()).isTrue();
        assertThat(consumer.closed()).isTrue();

        MockProducer<String, byte[]> another =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        assertThatThrownBy(
                        () -> new RuntimeClient(CONFIG, Clock.systemUTC(), ClientMetrics.none(), () -> another, () -> {
                            throw new KafkaException("no consumer today");
                        }))
                .isInstanceOf(KafkaException.class);
        assertThat(another.closed()).isTrue();
    }

    private RuntimeRequested lastRequest() {
        return codec.decode(
                producer.history().get(producer.history().size() - 1).value(), RuntimeRequested.class);
    }

    private RuntimeReady ready(UUID correlationId, String url) {
        return new RuntimeReady(
                UUID.randomUUID(),
                NOW,
                USER,
                correlationId,
                url,
                USER.containerName(),
                1,
                true,
                10,
                20,
                30,
                60,
                "worker-1",
                null);
    }

    private void reply(dev.hermes.schemas.Event event) {
        consumer.addRecord(new ConsumerRecord<>(
                REPLIES.topic(), REPLIES.partition(), replyOffset++, USER.asciiBytes(), codec.encode(event)));
    }
}
