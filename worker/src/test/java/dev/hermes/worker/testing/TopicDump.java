package dev.hermes.worker.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic from the beginning to its current end with assign() (no group). */
public final class TopicDump {
    private TopicDump() {}

    public static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }

    public static List<byte[]> values(String bootstrap, String topic) {
        return records(bootstrap, topic).stream()
                .map(ConsumerRecord::value)
                .filter(v -> v != null)
                .toList();
    }

    /** Keys, values and headers as one text, for "does X appear anywhere" checks. */
    public static String allText(String bootstrap, String topic) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records(bootstrap, topic)) {
            if (r.key() != null) {
                text.append(new String(r.key(), StandardCharsets.UTF_8)).append('\n');
            }
            if (r.value() != null) {
                text.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n');
            }
            r.headers()
                    .forEach(h -> text.append(new String(h.value(), StandardCharsets.UTF_8))
                            .append('\n'));
        }
        return text.toString();
    }
}
