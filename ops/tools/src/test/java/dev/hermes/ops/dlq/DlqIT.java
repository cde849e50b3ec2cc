package dev.hermes.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.ops.cli.CliRun;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** `dlq list` and `dlq replay` against a real broker; no worker runs, so a replayed record stays put. */
@HermesStack.Use
class DlqIT {
    private static final String BAD_USER = "{\"type\":\"RuntimeRequested\",\"schemaVersion\":1,\"eventId\":"
            + "\"6f1c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11\",\"occurredAt\":\"2026-11-27T10:00:00Z\",\"userId\":\"USR_42\","
            + "\"correlationId\":\"6f1c1b9e-3f7e-4c55-9a35-0f0c3f1d8a12\",\"replyTopic\":\"x\",\"replyPartition\":0,"
            + "\"deadline\":\"2026-11-27T10:01:00Z\",\"source\":\"chat\"}";
    private static final String REASON =
            "field 'userId': user id must be a canonical lowercase UUID (8-4-4-4-12 " + "hex), got 'USR_42'";
    private static final long DEAD_AT = Instant.parse("2026-11-27T10:00:01Z").toEpochMilli();

    @Test
    void listsTheDeadLetterAndReplaysItToWhereItCameFrom(Stack stack) throws Exception {
        String requests = stack.topics().requests();
        String dlq = stack.topics().dlq();
        String source = requests + "-2@41";
        deadLetter(stack, source);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<String> groupsBefore = groups(admin);

            assertThat(dlq(stack, 0, "list"))
                    .isEqualTo(dlq + ": 1 record(s)\n"
                            + dlq + "-1@0  2026-11-27T10:00:01Z\n"
                            + "  source: " + source + "\n"
                            + "  reason: " + REASON + "\n"
                            + "  field:  userId\n"
                            + "  worker: worker-7\n"
                            + "  key:    USR_42\n"
                            + "  value:  " + BAD_USER + "\n");
            JsonNode listed = new ObjectMapper().readTree(dlq(stack, 0, "list", "--json", "--limit", "5"));
            assertThat(listed.get("records").get(0).get("source").asText()).isEqualTo(source);
            assertThat(listed.get("records").get(0).get("value").asText()).isEqualTo(BAD_USER);

            assertThat(dlq(stack, 0, "replay", "--source", source, "--dry-run"))
                    .isEqualTo("would replay " + dlq + "-1@0 (source " + source + ") -> " + requests
                            + "-2\ndry run: would replay 1, skipped 0\n");
            assertThat(readAll(stack, new TopicPartition(requests, 2), 0)).isEmpty();

            assertThat(dlq(stack, 0, "replay", "--source", source))
                    .isEqualTo("replayed " + dlq + "-1@0 (source " + source + ") -> " + requests
                            + "-2@0\nreplayed 1, skipped 0\n");
            List<ConsumerRecord<String, String>> replayed = readAll(stack, new TopicPartition(requests, 2), 1);
            assertThat(replayed).hasSize(1);
            ConsumerRecord<String, String> record = replayed.get(0);
            assertThat(record.key()).isEqualTo("USR_42");
            assertThat(record.value()).isEqualTo(BAD_USER);
            assertThat(header(record, "traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-01");
            assertThat(header(record, "hermes.dlq.replayed-from")).isEqualTo(dlq + "-1@0");
            assertThat(record.headers().lastHeader("hermes.dlq.reason")).isNull();

            assertThat(dlq(stack, 1, "replay", "--source", requests + "-2@99"))
                    .isEqualTo("no record in " + dlq + " has source " + requests + "-2@99\n");
            assertThat(groups(admin)).isEqualTo(groupsBefore);
        }
    }

    private static void deadLetter(Stack stack, String source) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-01")));
        headers.add(new RecordHeader("hermes.dlq.reason", utf8(REASON)));
        headers.add(new RecordHeader("hermes.dlq.field", utf8("userId")));
        headers.add(new RecordHeader("hermes.dlq.source", utf8(source)));
        headers.add(new RecordHeader("hermes.dlq.worker", utf8("worker-7")));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(stack.topics().dlq(), 1, DEAD_AT, "USR_42", BAD_USER, headers))
                    .get();
        }
    }

    /** Everything on one partition, read with assign(); waits until {@code expected} records are there. */
    private static List<ConsumerRecord<String, String>> readAll(Stack stack, TopicPartition tp, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= expected && consumer.position(tp) >= expected;
            });
        }
        return records;
    }

    private static String dlq(Stack stack, int expectedExit, String... args) {
        List<String> argv = new ArrayList<>(List.of("dlq"));
        argv.addAll(List.of(args));
        CliRun run = CliRun.run(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX",
                        stack.topics().prefix()),
                argv.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isEqualTo(expectedExit);
        return run.out();
    }

    private static Set<String> groups(Admin admin) throws Exception {
        return admin.listGroups().all().get().stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toSet());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
