package dev.hermes.worker.fleet;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a non-Java client wrote to the requests topic for a family, and on which partition. */
final class CanonicalRecords {
    private CanonicalRecords() {}

    /** The family's Heartbeat values on its canonical (murmur2) partition. */
    static List<String> heartbeats(Stack stack, UserId user) {
        int canonical = Partitions.of(user, Stack.PARTITIONS);
        return ofUser(stack, user).stream()
                .filter(r -> r.partition() == canonical)
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(v -> v.contains("\"type\":\"Heartbeat\""))
                .toList();
    }

    /** The family's records that are not on its canonical partition (a CRC32 producer would put them there). */
    static List<ConsumerRecord<byte[], byte[]>> offCanonical(Stack stack, UserId user) {
        int canonical = Partitions.of(user, Stack.PARTITIONS);
        return ofUser(stack, user).stream()
                .filter(r -> r.partition() != canonical)
                .toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> ofUser(Stack stack, UserId user) {
        return TopicDump.records(stack.bootstrapServers(), stack.topics().requests()).stream()
                .filter(r -> Arrays.equals(r.key(), user.asciiBytes()))
                .toList();
    }
}
