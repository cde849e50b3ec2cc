package dev.hermes.worker.fuzz.kit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tails the DLQ, the replies and the audit topic from their ends at start (or from the beginning) on a
 * thread of its own, into a {@link FuzzObserved}. Closing it stops the thread.
 */
public final class FuzzWatch implements AutoCloseable {
    private static final String DLQ_SOURCE = "hermes.dlq.source";
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final FuzzObserved observed = new FuzzObserved();
    private final Thread thread;
    private volatile boolean running = true;

    private FuzzWatch(String bootstrapServers, Topics topics, boolean fromBeginning) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "hermes-fuzz-watch",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        2_000_000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.dlq(), topics.replies(), topics.events())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fixes "the end" now, before the batch is sent
        }
        this.thread = new Thread(this::run, "fuzz-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches what is written from now on (a shared stack: earlier writes are not the batch's). */
    public static FuzzWatch fromNow(String bootstrapServers, Topics topics) {
        return new FuzzWatch(bootstrapServers, topics, false);
    }

    /** Watches the topics from their beginning (a test's own topics). */
    public static FuzzWatch fromBeginning(String bootstrapServers, Topics topics) {
        return new FuzzWatch(bootstrapServers, topics, true);
    }

    public FuzzObserved observed() {
        return observed;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    take(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(topics.dlq())) {
            Header source = r.headers().lastHeader(DLQ_SOURCE);
            if (source != null) {
                observed.dlq(new String(source.value(), StandardCharsets.UTF_8), r.timestamp());
            }
            return;
        }
        Event event;
        try {
            event = r.value() == null ? null : codec.decode(r.value());
        } catch (RuntimeException e) {
            event = null;
        }
        boolean reply = r.topic().equals(topics.replies());
        if (event == null) {
            if (reply) {
                observed.unreadableReply();
            }
        } else if (reply && event instanceof RuntimeReady ready && ready.correlationId() != null) {
            observed.reply(ready.correlationId(), FuzzObserved.READY, r.timestamp());
        } else if (reply && event instanceof RuntimeFailed failed && failed.correlationId() != null) {
            observed.reply(failed.correlationId(), failed.reason().name(), r.timestamp());
        } else if (!reply
                && event instanceof RuntimeFailed failed
                && failed.reason() == FailureReason.DEADLINE_PASSED
                && failed.correlationId() != null) {
            observed.auditedSkip(failed.correlationId(), r.timestamp());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
