package dev.hermes.ops.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The warm path's raw baseline: a bare request -> echo -> reply round trip through the same broker,
 * shaped like ensureRuntime with none of the work: the requester sends (linger.ms=0, acks=all, as the
 * client does), an echo thread polls the request topic and answers with its own producer, and a reply
 * thread completes the waiting future, as the client's ReplyListener does. Payloads are the sizes of a
 * real RuntimeRequested and RuntimeReady.
 */
public final class KafkaEcho implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> requester;
    private final KafkaProducer<byte[], byte[]> echoProducer;
    private final KafkaConsumer<byte[], byte[]> echoConsumer;
    private final KafkaConsumer<byte[], byte[]> replyConsumer;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final String requestTopic;
    private final byte[] requestPayload;
    private final Thread echoThread;
    private final Thread replyThread;
    private volatile boolean running = true;
    private long sequence;

    /**
     * @param auditFirst when true the echo first sends a copy of the reply to an audit topic on the same
     *     producer, then the reply: what the worker does with every answer
     */
    public KafkaEcho(
            String bootstrapServers,
            BenchTopics topics,
            String prefix,
            byte[] requestPayload,
            byte[] replyPayload,
            boolean auditFirst) {
        this.requestTopic = prefix + "echo.requests";
        String replyTopic = prefix + "echo.replies";
        String auditTopic = prefix + "echo.audit";
        topics.create(requestTopic, 1, Map.of());
        topics.create(replyTopic, 1, Map.of());
        if (auditFirst) {
            topics.create(auditTopic, 1, Map.of());
        }
        this.requestPayload = requestPayload;
        this.requester = producer(bootstrapServers, "bench-echo-requester");
        this.echoProducer = producer(bootstrapServers, "bench-echo-responder");
        this.echoConsumer = positionedConsumer(bootstrapServers, new TopicPartition(requestTopic, 0));
        this.replyConsumer = positionedConsumer(bootstrapServers, new TopicPartition(replyTopic, 0));
        this.echoThread = new Thread(
                () -> loop(echoConsumer, r -> {
                    if (auditFirst) {
                        echoProducer.send(new ProducerRecord<>(auditTopic, 0, r.key(), replyPayload));
                    }
                    echoProducer.send(new ProducerRecord<>(replyTopic, 0, r.key(), replyPayload));
                }),
                "bench-echo");
        this.replyThread = new Thread(
                () -> loop(replyConsumer, r -> {
                    CompletableFuture<Void> f = waiting.remove(new String(r.key(), StandardCharsets.UTF_8));
                    if (f != null) {
                        f.complete(null);
                    }
                }),
                "bench-echo-replies");
        echoThread.setDaemon(true);
        replyThread.setDaemon(true);
        echoThread.start();
        replyThread.start();
    }

    /** One round trip; returns its duration in nanoseconds. */
    public long roundTripNanos() throws Exception {
        String key = Long.toString(sequence++);
        CompletableFuture<Void> reply = new CompletableFuture<>();
        waiting.put(key, reply);
        long t0 = System.nanoTime();
        requester.send(new ProducerRecord<>(requestTopic, 0, key.getBytes(StandardCharsets.UTF_8), requestPayload));
        reply.get(10, TimeUnit.SECONDS);
        return System.nanoTime() - t0;
    }

    private void loop(
            KafkaConsumer<byte[], byte[]> consumer,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(handler);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        clientId,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Assigned and positioned at the end before any request is sent, so no early message is missed. */
    private static KafkaConsumer<byte[], byte[]> positionedConsumer(String bootstrapServers, TopicPartition tp) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "bench-echo-" + tp.topic()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.assign(List.of(tp));
        consumer.seekToEnd(List.of(tp));
        consumer.position(tp, Duration.ofSeconds(30));
        return consumer;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        echoConsumer.wakeup();
        replyConsumer.wakeup();
        echoThread.join(5_000);
        replyThread.join(5_000);
        requester.close(Duration.ofSeconds(2));
        echoProducer.close(Duration.ofSeconds(2));
    }
}
