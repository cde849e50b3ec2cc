package dev.hermes.ops.bench;

import dev.hermes.ops.audit.AuditReplay;
import dev.hermes.ops.audit.FleetSummary;
import dev.hermes.ops.audit.SyntheticHistory;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The audit benchmark: writes N synthetic lifecycle events of the last 30 days (see
 * {@link SyntheticHistory}) to the events topic of a fresh prefix (24 partitions, in producer batches of
 * up to 64 KB), then times one full replay + fleet summary, as `ops/hermes audit fleet` does it.
 */
public final class AuditBench {
    public static final int PARTITIONS = 24;
    private final Clock clock;

    public AuditBench(Clock clock) {
        this.clock = clock;
    }

    /** Produces {@code events} events to {@code topics} (created if missing); returns the replay time in seconds. */
    public double run(String bootstrapServers, Topics topics, int events) {
        new BenchEventsTopic(bootstrapServers, clock).create(topics.events(), PARTITIONS);
        produce(bootstrapServers, topics, events);
        return timeReplay(bootstrapServers, topics, events);
    }

    /** Times one replay + fleet summary of the whole events topic, which must hold at least {@code events} events. */
    public double timeReplay(String bootstrapServers, Topics topics, long events) {
        long t0 = System.nanoTime();
        FleetSummary summary = new AuditReplay(clock).summarise(bootstrapServers, topics, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (summary.recordsRead() < events || summary.replay().undecodable() != 0) {
            throw new HermesException("benchmark read " + summary.recordsRead() + " records ("
                    + summary.replay().undecodable() + " undecodable), expected " + events);
        }
        return seconds;
    }

    private void produce(String bootstrapServers, Topics topics, int events) {
        Instant start = clock.instant().minus(Duration.ofDays(30));
        SyntheticHistory history = new SyntheticHistory(42, 10_000, start, Duration.ofDays(30).dividedBy(events));
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                SyntheticHistory.Encoded e = history.next();
                producer.send(new ProducerRecord<>(topics.events(), null, e.timestampMs(), e.key(), e.value()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new HermesException("producing the benchmark events failed: " + failure.get(), failure.get());
        }
    }
}
