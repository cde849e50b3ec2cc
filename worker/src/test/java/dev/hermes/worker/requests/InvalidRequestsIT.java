package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad requests whose reply coordinates can be read are answered RuntimeFailed INVALID_REQUEST at once, naming the
 * field, and are in the DLQ; none starts a container. One whose reply topic is internal is only in the DLQ.
 */
@HermesStack.Use
class InvalidRequestsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int REPLY_PARTITION = 1;
    private final EventCodec codec = new EventCodec();

    /** One kind of bad request: how the valid one is spoiled, the key it is sent with, the field it is refused for. */
    private record Bad(String kind, UserId user, UUID correlationId, String key, byte[] value, String field) {}

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void badRequestsWithReadableReplyCoordinatesAreAnsweredInvalidRequestAtOnceAndDeadLettered(Stack stack)
            throws Exception {
        stack.startWorker(Map.of());
        stack.client().ensureRuntime(stack.newUser(), Duration.ofSeconds(60)); // the worker is consuming
        String replies = stack.topics().replies();
        List<Bad> bad = List.of(
                bad(stack, "uppercase userId and key", replies, "userId", true, r -> upper(r, "userId")),
                bad(
                        stack,
                        "braced userId",
                        replies,
                        "userId",
                        false,
                        r -> r.put("userId", "{" + text(r, "userId") + "}")),
                bad(
                        stack,
                        "urn: userId",
                        replies,
                        "userId",
                        false,
                        r -> r.put("userId", "urn:uuid:" + text(r, "userId"))),
                bad(stack, "missing deadline", replies, "deadline", false, r -> r.remove("deadline")),
                bad(
                        stack,
                        "replyPartition a string",
                        replies,
                        "replyPartition",
                        false,
                        r -> r.put("replyPartition", String.valueOf(REPLY_PARTITION))),
                bad(stack, "unknown schemaVersion", replies, "schemaVersion", false, r -> r.put("schemaVersion", 2)));
        Bad otherKey =
                new Bad("key is not the userId", bad.get(0).user(), UUID.randomUUID(), "someone-else", null, "key");
        List<Bad> all = new ArrayList<>(bad);
        all.add(withValue(stack, otherKey, replies));

        Map<UUID, Long> sentAt = send(stack, all);

        Map<UUID, ConsumerRecord<byte[], byte[]>> answers = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> answers(stack, replies), a -> a.keySet().containsAll(sentAt.keySet()));
        for (Bad b : all) {
            ConsumerRecord<byte[], byte[]> answer = answers.get(b.correlationId());
            RuntimeFailed failed = codec.decode(answer.value(), RuntimeFailed.class);
            assertThat(failed.reason()).as(b.kind()).isEqualTo(FailureReason.INVALID_REQUEST);
            assertThat(failed.message()).as(b.kind()).startsWith("field '" + b.field() + "'");
            assertThat(failed.userId())
                    .as(b.kind() + ": the family in canonical form")
                    .isEqualTo(b.user());
            assertThat(answer.key()).as(b.kind()).isEqualTo(b.user().asciiBytes());
            assertThat(answer.partition()).as(b.kind()).isEqualTo(REPLY_PARTITION);
            assertThat(answer.timestamp() - sentAt.get(b.correlationId()))
                    .as(b.kind() + ": answered within a second")
                    .isLessThan(1_000);
        }
        Map<UUID, String> dead = await().atMost(Duration.ofSeconds(10))
                .until(() -> dlqFields(stack), d -> d.keySet().containsAll(sentAt.keySet()));
        for (Bad b : all) {
            assertThat(dead.get(b.correlationId())).as(b.kind() + " in the DLQ").isEqualTo(b.field());
        }
        for (Bad b : all) {
            assertThat(exists(stack, b.user())).as(b.kind() + ": no container").isFalse();
        }
    }

    @Test
    void aBadRequestWhoseReplyTopicIsInternalIsOnlyDeadLettered(Stack stack) throws Exception {
        stack.startWorker(Map.of());
        stack.client().ensureRuntime(stack.newUser(), Duration.ofSeconds(60));
        Bad toLastActive =
                bad(stack, "to last-active", stack.topics().lastActive(), "userId", true, r -> upper(r, "userId"));
        Bad toSettings =
                bad(stack, "to settings", stack.topics().settings(), "deadline", false, r -> r.remove("deadline"));

        send(stack, List.of(toLastActive, toSettings));

        Map<UUID, String> dead = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> dlqFields(stack),
                        d -> d.containsKey(toLastActive.correlationId()) && d.containsKey(toSettings.correlationId()));
        assertThat(dead.get(toLastActive.correlationId())).isEqualTo("userId");
        assertThat(dead.get(toSettings.correlationId())).isEqualTo("deadline");
        for (String topic : List.of(
                stack.topics().lastActive(),
                stack.topics().settings(),
                stack.topics().replies())) {
            assertThat(TopicDump.allText(stack.bootstrapServers(), topic))
                    .as("nothing about them in " + topic)
                    .doesNotContain(
                            toLastActive.correlationId().toString(),
                            toSettings.correlationId().toString());
        }
        assertThat(exists(stack, toLastActive.user())).isFalse();
        assertThat(exists(stack, toSettings.user())).isFalse();
    }

    private Bad bad(
            Stack stack, String kind, String replyTopic, String field, boolean upperKey, Consumer<ObjectNode> spoil)
            throws Exception {
        UserId user = stack.newUser();
        UUID correlationId = UUID.randomUUID();
        ObjectNode request = (ObjectNode) MAPPER.readTree(codec.encode(new dev.hermes.schemas.RuntimeRequested(
                UUID.randomUUID(),
                Instant.now(),
                user,
                correlationId,
                replyTopic,
                REPLY_PARTITION,
                Instant.now().plusSeconds(30),
                "it")));
        spoil.accept(request);
        String key = upperKey ? user.value().toUpperCase() : user.value();
        return new Bad(kind, user, correlationId, key, MAPPER.writeValueAsBytes(request), field);
    }

    private Bad withValue(Stack stack, Bad b, String replyTopic) {
        byte[] value = codec.encode(new dev.hermes.schemas.RuntimeRequested(
                UUID.randomUUID(),
                Instant.now(),
                b.user(),
                b.correlationId(),
                replyTopic,
                REPLY_PARTITION,
                Instant.now().plusSeconds(30),
                "it"));
        return new Bad(b.kind(), b.user(), b.correlationId(), b.key(), value, b.field());
    }

    /** Sends each on its key's partition (the Java default partitioner); when each was acknowledged. */
    private static Map<UUID, Long> send(Stack stack, List<Bad> all) throws Exception {
        Map<UUID, Long> sentAt = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Bad b : all) {
                producer.send(new ProducerRecord<>(
                                stack.topics().requests(), b.key().getBytes(StandardCharsets.UTF_8), b.value()))
                        .get();
                sentAt.put(b.correlationId(), System.currentTimeMillis());
            }
        }
        return sentAt;
    }

    private static void upper(ObjectNode request, String field) {
        request.put(field, text(request, field).toUpperCase());
    }

    private static String text(ObjectNode request, String field) {
        return request.get(field).textValue();
    }

    /** RuntimeFailed answers on the replies topic, by correlation id. */
    private Map<UUID, ConsumerRecord<byte[], byte[]>> answers(Stack stack, String topic) {
        Map<UUID, ConsumerRecord<byte[], byte[]>> byCorrelation = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicDump.records(stack.bootstrapServers(), topic)) {
            if (r.value() != null && codec.decode(r.value()) instanceof RuntimeFailed f && f.correlationId() != null) {
                byCorrelation.put(f.correlationId(), r);
            }
        }
        return byCorrelation;
    }

    /** DLQ records whose correlation id can be read, with their hermes.dlq.field header. */
    private Map<UUID, String> dlqFields(Stack stack) {
        return TopicDump.records(stack.bootstrapServers(), stack.topics().dlq()).stream()
                .filter(r -> codec.replyCoordinates(r.value()).isPresent()
                        && r.headers().lastHeader("hermes.dlq.field") != null)
                .collect(Collectors.toMap(
                        r -> codec.replyCoordinates(r.value()).orElseThrow().correlationId(),
                        r -> new String(
                                r.headers().lastHeader("hermes.dlq.field").value(), StandardCharsets.UTF_8),
                        (a, b) -> b));
    }

    private static boolean exists(Stack stack, UserId user) {
        try {
            stack.docker().inspectContainerCmd(user.containerName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
