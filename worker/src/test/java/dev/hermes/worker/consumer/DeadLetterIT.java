package dev.hermes.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class DeadLetterIT {

    @Test
    void malformedRecordsGoToTheDlqWithTheirReasonAndTheNextRequestIsStillServed(Stack stack) throws Exception {
        stack.startWorker(Map.of());
        RuntimeClient client = stack.client();
        String badUser = "{\"type\":\"RuntimeRequested\",\"schemaVersion\":1,\"eventId\":\"6f1c1b9e-3f7e-4c55-9a35-"
                + "0f0c3f1d8a11\",\"occurredAt\":\"2026-11-27T10:00:00Z\",\"userId\":\"USR_42\",\"correlationId\":"
                + "\"6f1c1b9e-3f7e-4c55-9a35-0f0c3f1d8a12\",\"replyTopic\":\"x\",\"replyPartition\":0,\"deadline\":"
                + "\"2026-11-27T10:01:00Z\",\"source\":\"chat\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(stack.topics().requests(), "some-key", "this is not json"))
                    .get();
            producer.send(new ProducerRecord<>(stack.topics().requests(), "USR_42", badUser))
                    .get();
        }
        UserId user = stack.newUser();

        assertThat(client.ensureRuntime(user, Duration.ofSeconds(60)).url()).startsWith("http://127.0.0.1:");

        List<ConsumerRecord<String, String>> dead =
                readAll(stack, stack.topics().dlq(), 2);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("this is not json", badUser);
        Map<String, String> reasons = dead.stream()
                .collect(Collectors.toMap(
                        ConsumerRecord::value,
                        r -> new String(
                                r.headers().lastHeader("hermes.dlq.reason").value(), StandardCharsets.UTF_8)));
        assertThat(reasons.get("this is not json")).contains("not JSON");
        assertThat(reasons.get(badUser)).contains("userId").contains("canonical lowercase UUID");
        assertThat(new String(
                        dead.stream()
                                .filter(r -> r.value().equals(badUser))
                                .findFirst()
                                .orElseThrow()
                                .headers()
                                .lastHeader("hermes.dlq.field")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("userId");
    }

    private static List<ConsumerRecord<String, String>> readAll(Stack stack, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        stack.bootstrapServers(),
                        "auto.offset.reset",
                        "earliest",
                        "group.id",
                        "dlq-reader-" + topic),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                StreamSupport.stream(consumer.poll(Duration.ofMillis(200)).spliterator(), false)
                        .forEach(records::add);
            }
            return records;
        }
    }
}
