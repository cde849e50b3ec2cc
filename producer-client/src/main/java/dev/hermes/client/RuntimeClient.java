package dev.hermes.client;

import dev.hermes.client.internal.ReplyListener;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What callers embed to get a family's runtime: {@link #ensureRuntime} publishes RuntimeRequested and
 * waits on this client's reply partition. Thread-safe: share one instance; all calls share one
 * producer and one reply consumer.
 */
public final class RuntimeClient implements AutoCloseable {
    private final RuntimeClientConfig config;
    private final Clock clock;
    private final ClientMetrics metrics;
    private final EventCodec codec = new EventCodec();
    private final Producer<String, byte[]> producer;
    private final ReplyListener replies;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Names each setting, or reads them from the environment: {@code
     * RuntimeClient.builder().fromEnv().source("chat").build()}.
     */
    public static RuntimeClientBuilder builder() {
        return new RuntimeClientBuilder();
    }

    public RuntimeClient(RuntimeClientConfig config) {
        this(config, Clock.systemUTC(), ClientMetrics.none());
    }

    public RuntimeClient(RuntimeClientConfig config, Clock clock, ClientMetrics metrics) {
        this(
                config,
                clock,
                metrics,
                () -> new KafkaProducer<>(
                        producerProperties(config), new StringSerializer(), new ByteArraySerializer()),
                () -> new KafkaConsumer<>(
                        consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    /**
     * A client on the given Kafka clients (fakes, say, or clients configured elsewhere), which it then owns
     * and closes: the producer sends requests and heartbeats keyed by user id, the consumer is assigned
     * this client's reply partition.
     */
    public RuntimeClient(
            RuntimeClientConfig config,
            Clock clock,
            ClientMetrics metrics,
            Supplier<? extends Producer<String, byte[]>> producers,
            Supplier<? extends Consumer<byte[], byte[]>> consumers) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.producer = producers.get();
        try {
            this.replies = listen(consumers, new TopicPartition(config.topics().replies(), config.replyPartition()));
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hermes-client-timeouts");
            t.setDaemon(true);
            return t;
        });
    }

    /** The reply listener on a new consumer; the consumer is closed again if the listener cannot start. */
    private ReplyListener listen(Supplier<? extends Consumer<byte[], byte[]>> consumers, TopicPartition partition) {
        Consumer<byte[], byte[]> consumer = consumers.get();
        try {
            return new ReplyListener(consumer, partition, codec);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Blocks until the runtime is ready; throws {@link RuntimeFailedException} ({@link InvalidRequestException} if the
     * worker could not read the request), {@link EnsureTimeoutException}, or {@link RuntimeClientClosedException}.
     */
    public RuntimeHandle ensureRuntime(UserId userId, Duration timeout) {
        try {
            return ensureRuntimeAsync(userId, timeout).get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while waiting for the runtime of user " + userId, e);
        }
    }

    public RuntimeHandle ensureRuntime(UserId userId) {
        return ensureRuntime(userId, config.defaultTimeout());
    }

    /**
     * As {@link #ensureRuntime}, without blocking. The future fails with {@link RuntimeFailedException} (an {@link
     * InvalidRequestException} if the worker could not read the request), {@link EnsureTimeoutException}, or {@link
     * RuntimeClientClosedException} if the client is closed before the answer comes.
     */
    public CompletableFuture<RuntimeHandle> ensureRuntimeAsync(UserId userId, Duration timeout) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new RuntimeClientClosedException(
                    "the RuntimeClient is closed: no runtime requested for user " + userId));
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        UUID correlationId = EventIds.next();
        RuntimeRequested request = new RuntimeRequested(
                EventIds.next(),
                now,
                userId,
                correlationId,
                config.topics().replies(),
                config.replyPartition(),
                now.plus(timeout),
                config.source());
        CompletableFuture<Event> reply = replies.await(correlationId);
        try {
            ScheduledFuture<?> timeoutTask = timers.schedule(
                    () -> reply.completeExceptionally(new EnsureTimeoutException(userId, timeout, correlationId)),
                    timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
            reply.whenComplete((r, e) -> timeoutTask.cancel(false));
            producer.send(
                    new ProducerRecord<>(config.topics().requests(), userId.value(), codec.encode(request)),
                    (metadata, error) -> {
                        if (error != null) {
                            reply.completeExceptionally(new HermesException(
                                    "could not publish the request for user " + userId + ": " + error.getMessage(),
                                    error));
                        }
                    });
        } catch (RejectedExecutionException | IllegalStateException e) {
            reply.completeExceptionally(
                    closed.get()
                            ? new RuntimeClientClosedException(
                                    "the RuntimeClient was closed while requesting the runtime of user " + userId)
                            : new HermesException(
                                    "could not publish the request for user " + userId + ": " + e.getMessage(), e));
        }
        return reply.handle((event, error) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof EnsureTimeoutException) {
                    metrics.timedOut();
                }
                throw unwrap(cause);
            }
            if (event instanceof RuntimeFailed failed) {
                metrics.failed(elapsed);
                throw RuntimeFailedException.of(failed);
            }
            metrics.ready(elapsed);
            return RuntimeHandle.of((RuntimeReady) event, elapsed);
        });
    }

    /** Fire-and-forget: records activity and keeps the runtime warm; no reply. */
    public CompletableFuture<Void> heartbeat(UserId userId, String deviceId) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new RuntimeClientClosedException("the RuntimeClient is closed: no heartbeat for user " + userId));
        }
        Heartbeat heartbeat = new Heartbeat(EventIds.next(), clock.instant(), userId, deviceId, config.source());
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(config.topics().requests(), userId.value(), codec.encode(heartbeat)),
                (metadata, error) -> {
                    if (error != null) {
                        sent.completeExceptionally(error);
                    } else {
                        sent.complete(null);
                    }
                });
        return sent;
    }

    public CompletableFuture<Void> heartbeat(UserId userId) {
        return heartbeat(userId, "unknown");
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Fails every pending {@link #ensureRuntime} with {@link RuntimeClientClosedException} at once, so no thread stays
     * blocked, then sends what is buffered (up to 5 s) and closes the Kafka clients. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        replies.failAll(new RuntimeClientClosedException("the RuntimeClient was closed before the answer came"));
        try {
            producer.close(Duration.ofSeconds(5));
        } finally {
            timers.shutdownNow();
            try {
                replies.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : new HermesException(String.valueOf(cause.getMessage()), cause);
    }

    private static Map<String, Object> producerProperties(RuntimeClientConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "hermes-client-" + config.source());
        props.putAll(config.kafka());
        return props;
    }

    private static Map<String, Object> consumerProperties(RuntimeClientConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-client-replies-" + config.source());
        props.putAll(config.kafka());
        return props;
    }
}
