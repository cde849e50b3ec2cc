package dev.hermes.worker.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a non-Java client wrote to the requests topic for a family, and on which partition. */
final class CanonicalRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalRecords() {}

    /** The deviceIds of the family's Heartbeats on its canonical (murmur2) partition. */
    static List<String> heartbeatDevices(Stack stack, UserId user) {
        int canonical = Partitions.of(user, Stack.PARTITIONS);
        return ofUser(stack, user).stream()
                .filter(r -> r.partition() == canonical)
                .map(r -> json(r.value()))
                .filter(v -> "Heartbeat".equals(v.path("type").asText()))
                .map(v -> v.path("deviceId").asText())
                .toList();
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
