package dev.hermes.ops.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition from its beginning to its end offset, as StateRestorer does, doing only
 * {@code perRecord} with each record: the baselines that split a restore's time into reading,
 * decoding and applying.
 */
public final class PartitionReadTimer {
    private final Supplier<org.apache.kafka.clients.consumer.Consumer<byte[], byte[]>> consumers;

    public PartitionReadTimer(Supplier<org.apache.kafka.clients.consumer.Consumer<byte[], byte[]>> consumers) {
        this.consumers = consumers;
    }

    /** Seconds from creating the consumer until the last record was handed to {@code perRecord}. */
    public double seconds(String topic, int partition, Consumer<ConsumerRecord<byte[], byte[]>> perRecord) {
        long t0 = System.nanoTime();
        TopicPartition tp = new TopicPartition(topic, partition);
        try (var consumer = consumers.get()) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).getOrDefault(tp, 0L);
            while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
                consumer.poll(Duration.ofMillis(100)).forEach(perRecord);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
