package dev.hermes.ops.bench;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.LastActive;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.activity.StateRestorer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * restore_1m_s: N LastActive records for N/10 distinct users (so every user has ten, as an uncompacted
 * log would) on partition 0 of a fresh compacted topic; then the time of the worker's own
 * {@code StateRestorer.restore([0])} into a fresh ActivityTracker, with the consumer settings Wiring uses.
 * Then, as where-the-time-goes baselines, the same partition read without decoding (read_only_s) and
 * read + decoded without applying (read_and_decode_s).
 */
public final class RestoreFigure {
    private final BenchStack stack;

    public RestoreFigure(BenchStack stack) {
        this.stack = stack;
    }

    public List<Figure> measure(int records) throws Exception {
        int distinct = Math.max(1, records / 10);
        String topic = stack.topics().prefix("restore") + "runtime.last-active";
        stack.topics().create(topic, 1, Map.of("cleanup.policy", "compact"));
        produce(topic, records, distinct);
        ActivityTracker activity = new ActivityTracker(stack.publisher(), Clock.systemUTC(), Duration.ofSeconds(60));
        StateRestorer restorer = new StateRestorer(this::consumer, topic, new EventCodec(), activity);
        long t0 = System.nanoTime();
        long read = restorer.restore(List.of(0));
        double seconds = (System.nanoTime() - t0) / 1e9;
        PartitionReadTimer reader = new PartitionReadTimer(this::consumer);
        EventCodec codec = new EventCodec();
        double readOnly = reader.seconds(topic, 0, record -> {});
        double readAndDecode = reader.seconds(topic, 0, record -> codec.decode(record.value(), LastActive.class));
        Figure figure = FigureGroup.spec("restore_1m_s")
                .of(seconds, null)
                .with("records", read)
                .with("distinct_users", activity.size())
                .with("records_per_s", read / seconds)
                .with("read_only_s", readOnly)
                .with("read_and_decode_s", readAndDecode);
        if (read != records || activity.size() != distinct) {
            figure = figure.with("note", "expected " + records + " records and " + distinct + " users");
        }
        return List.of(figure);
    }

    /** The restore consumer exactly as Wiring configures it. */
    private Consumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.env().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-restore-bench");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void produce(String topic, int records, int distinct) {
        SyntheticUsers users = new SyntheticUsers(ThreadLocalRandom.current().nextInt());
        EventCodec codec = new EventCodec();
        Instant start = Instant.now().minus(Duration.ofDays(1));
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.env().bootstrapServers(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-last-active",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        128L * 1024 * 1024),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                var user = users.user(i % distinct);
                Instant at = start.plusMillis(i);
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                0,
                                user.value().getBytes(StandardCharsets.UTF_8),
                                codec.encode(new LastActive(UUID.randomUUID(), at, user, at, "ops-bench"))),
                        (metadata, error) -> failed.compareAndSet(null, error));
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new HermesException("producing last-active records failed: " + failed.get(), failed.get());
        }
    }
}
