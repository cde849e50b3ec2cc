package dev.hermes.worker.kafka;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Every write the worker makes to Kafka: replies on the caller's partition, audit events, last-active
 * state on an explicit partition, and DLQ records with the reason in headers.
 *
 * <p>Two producers. Replies and audit events go out at once (linger 0): a caller waits for them.
 * Last-active state and its tombstones share a second producer that lingers {@value #STATE_LINGER_MS} ms:
 * nobody waits for them, and at a hundred thousand heartbeats a second, batching them is what keeps the
 * worker's network thread and the broker from spending a request on each. Keeping a family's state and its
 * tombstone on one producer keeps them in order.
 */
public final class EventPublisher implements AutoCloseable {
    static final int STATE_LINGER_MS = 10;
    /** On a record moved to its key's canonical partition: the topic, partition and offset it was found at. */
    public static final String MOVED_FROM_HEADER = "hermes.moved-from";

    private final Producer<byte[], byte[]> producer;
    private final Producer<byte[], byte[]> stateProducer;
    private final Topics topics;
    private final String eventsTopic;
    private final String lastActiveTopic;
    private final EventCodec codec;
    private final ReplyRoutes replyRoutes;

    /**
     * @param producer replies, audit, DLQ and settings events: sent at once (linger 0)
     * @param stateProducer last-active state and its tombstones: batched (see {@link #stateProducerProperties})
     */
    public EventPublisher(
            Producer<byte[], byte[]> producer,
            Producer<byte[], byte[]> stateProducer,
            Topics topics,
            EventCodec codec) {
        this(
                producer,
                stateProducer,
                topics,
                codec,
                new ReplyRoutes(
                        List.of(topics.replies()),
                        topics,
                        topic -> CompletableFuture.supplyAsync(
                                () -> producer.partitionsFor(topic).size()),
                        java.time.Clock.systemUTC()));
    }

    /** @param replyRoutes where replies may go; checked before every reply */
    public EventPublisher(
            Producer<byte[], byte[]> producer,
            Producer<byte[], byte[]> stateProducer,
            Topics topics,
            EventCodec codec,
            ReplyRoutes replyRoutes) {
        this.replyRoutes = replyRoutes;
        this.producer = producer;
        this.stateProducer = stateProducer;
        this.topics = topics;
        this.eventsTopic = topics.events();
        this.lastActiveTopic = topics.lastActive();
        this.codec = codec;
    }

    /** Connects both producers, as a worker does, under client id {@code hermes-worker-<workerId>}. */
    public static EventPublisher connect(String bootstrapServers, String workerId, Topics topics, EventCodec codec) {
        return connect(bootstrapServers, workerId, topics, codec, Map.of());
    }

    /** {@code kafkaProperties}: extra client settings such as security.protocol and SASL (HERMES_KAFKA_PROPERTIES_FILE). */
    public static EventPublisher connect(
            String bootstrapServers,
            String workerId,
            Topics topics,
            EventCodec codec,
            Map<String, String> kafkaProperties) {
        return new EventPublisher(
                producer(producerProperties(bootstrapServers, workerId, kafkaProperties)),
                producer(stateProducerProperties(bootstrapServers, workerId, kafkaProperties)),
                topics,
                codec);
    }

    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> properties) {
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Replies and audit events: idempotent, acks=all, linger 0. */
    public static Map<String, Object> producerProperties(
            String bootstrapServers, String workerId, Map<String, String> kafkaProperties) {
        Map<String, Object> props = new java.util.HashMap<>(kafkaProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "hermes-worker-" + workerId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        return props;
    }

    /** Last-active state: as {@link #producerProperties}, but lingering {@value #STATE_LINGER_MS} ms in 64 KB batches. */
    public static Map<String, Object> stateProducerProperties(
            String bootstrapServers, String workerId, Map<String, String> kafkaProperties) {
        Map<String, Object> props = producerProperties(bootstrapServers, workerId, kafkaProperties);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "hermes-worker-" + workerId + "-state");
        props.put(ProducerConfig.LINGER_MS_CONFIG, STATE_LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return props;
    }

    /**
     * Sends the answer to the caller's reply coordinates once {@link ReplyRoutes} allows them. Never blocks: an
     * unknown topic is looked up asynchronously. Fails with {@link ReplyNotSentException} saying why.
     */
    public CompletableFuture<Void> reply(RuntimeRequested request, Event answer) {
        return reply(request.replyTopic(), request.replyPartition(), request.userId(), answer);
    }

    /** As {@link #reply(RuntimeRequested, Event)}, to coordinates read some other way (an invalid request's). */
    public CompletableFuture<Void> reply(String topic, int partition, UserId userId, Event answer) {
        byte[] value = codec.encode(answer);
        return replyRoutes
                .check(topic, partition)
                .thenCompose(allowed -> send(new ProducerRecord<>(topic, partition, key(userId), value)))
                .exceptionallyCompose(error -> {
                    Throwable cause =
                            error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error;
                    return CompletableFuture.failedFuture(
                            cause instanceof ReplyNotSentException
                                    ? cause
                                    : new ReplyNotSentException(
                                            "reply to " + topic + "-" + partition + " failed: " + cause.getMessage(),
                                            cause));
                });
    }

    /**
     * The record exactly as received, on the partition that owns its key, with a header naming where it was
     * ({@value #MOVED_FROM_HEADER}: {@code topic-partition@offset}).
     */
    public CompletableFuture<Void> moveToPartition(ConsumerRecord<byte[], byte[]> record, int partition) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(MOVED_FROM_HEADER, utf8(record.topic() + "-" + record.partition() + "@" + record.offset()));
        return send(new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), headers));
    }

    public CompletableFuture<Void> audit(Event event) {
        byte[] key = event.userId() != null ? key(event.userId()) : null;
        return send(new ProducerRecord<>(eventsTopic, key, codec.encode(event)));
    }

    public CompletableFuture<Void> lastActive(int partition, LastActive state) {
        return send(
                stateProducer,
                new ProducerRecord<>(lastActiveTopic, partition, key(state.userId()), codec.encode(state)));
    }

    public CompletableFuture<Void> tombstone(int partition, UserId userId) {
        return send(stateProducer, new ProducerRecord<>(lastActiveTopic, partition, key(userId), null));
    }

    public CompletableFuture<Void> settingsChanged(Event event) {
        return send(new ProducerRecord<>(
                topics.settings(), "global".getBytes(StandardCharsets.UTF_8), codec.encode(event)));
    }

    /** The record exactly as received, plus headers that say why it was rejected. */
    public CompletableFuture<Void> deadLetter(
            ConsumerRecord<byte[], byte[]> record, String reason, String field, String workerId) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("hermes.dlq.reason", utf8(reason));
        if (field != null) {
            headers.add("hermes.dlq.field", utf8(field));
        }
        headers.add("hermes.dlq.source", utf8(record.topic() + "-" + record.partition() + "@" + record.offset()));
        headers.add("hermes.dlq.worker", utf8(workerId));
        return send(new ProducerRecord<>(topics.dlq(), null, record.key(), record.value(), headers));
    }

    private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
        return send(producer, record);
    }

    private static CompletableFuture<Void> send(Producer<byte[], byte[]> via, ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            via.send(record, (metadata, error) -> {
                if (error != null) {
                    sent.completeExceptionally(error);
                } else {
                    sent.complete(null);
                }
            });
        } catch (RuntimeException e) { // a closed producer, a record too large: a failed write, not a thrown one
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /** Partitions of a topic, from the producer's metadata (thread-safe, unlike a consumer). */
    public int partitionCount(String topic) {
        return producer.partitionsFor(topic).size();
    }

    public void flush() {
        stateProducer.flush();
        producer.flush();
    }

    private static byte[] key(UserId userId) {
        return userId.asciiBytes();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stateProducer.close(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(10));
    }
}
