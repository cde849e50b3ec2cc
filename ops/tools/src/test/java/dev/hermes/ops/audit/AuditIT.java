package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.ops.cli.CliRun;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.HermesException;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `audit` against a real broker: {@link AuditHistory} is published to the events topic as workers would
 * (keyed by user id, stamped at occurredAt; the orphan with a null key), after one undecodable record on
 * partition 0, and the command's output must be exactly what {@link AuditExpected} worked out by hand.
 */
@HermesStack.Use
class AuditIT {
    private static final byte[] NOT_JSON = "this is not json".getBytes(StandardCharsets.UTF_8);
    private static final EventCodec CODEC = new EventCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void publishTheHistory(Stack stack) throws Exception {
        assertThat(ReplayPlan.partitionOf(AuditHistory.A.value(), Stack.PARTITIONS))
                .isEqualTo(1);
        assertThat(ReplayPlan.partitionOf(AuditHistory.B.value(), Stack.PARTITIONS))
                .isEqualTo(2);
        String topic = stack.topics().events();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long early = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
            producer.send(new ProducerRecord<>(topic, 0, early, null, NOT_JSON)).get();
            send(producer, topic, 0, AuditHistory.orphan());
            for (Event event : AuditHistory.userA()) {
                send(producer, topic, null, event);
            }
            for (Event event : AuditHistory.userB()) {
                send(producer, topic, null, event);
            }
        }
    }

    @Test
    void printsTheUsersTimeline(Stack stack) {
        assertThat(audit(stack, "user", AuditHistory.A.value())).isEqualTo(AuditExpected.timelineText());
    }

    @Test
    void printsTheUsersTimelineAsJson(Stack stack) throws Exception {
        String json = audit(stack, "user", AuditHistory.A.value(), "--json");

        assertThat(json).isEqualTo(new AuditJson().timeline(AuditPrinterTest.userA()) + System.lineSeparator());
        JsonNode events = mapper.readTree(json).get("events");
        assertThat(events)
                .extracting(e -> e.get("type").asText() + " " + e.get("reason").asText() + " v"
                        + e.get("settingsVersion").asText())
                .containsExactly(
                        "RuntimeSpawned null v1",
                        "RuntimeStarted null v1",
                        "RuntimeReady null v1",
                        "RuntimeReady null v1",
                        "RuntimeReady null v1",
                        "RuntimeStopped SETTINGS_RECREATE v1",
                        "RuntimeSpawned null v2",
                        "RuntimeStarted null v2",
                        "RuntimeRecreated null v2",
                        "RuntimeStopped IDLE v2",
                        "RuntimeStarted null v2",
                        "RuntimeStopped HEALTH_TIMEOUT v2",
                        "RuntimeFailed HEALTH_TIMEOUT v2");
    }

    @Test
    void printsTheFleetSummary(Stack stack) throws Exception {
        String topic = stack.topics().events();

        assertThat(audit(stack, "fleet")).isEqualTo(AuditExpected.fleetText(topic, notJsonError()));
        assertThat(mapper.readTree(audit(stack, "fleet", "--json")))
                .isEqualTo(mapper.readTree(AuditExpected.fleetJson(topic, notJsonError())));
    }

    @Test
    void sinceAndUntilNarrowTheReplay(Stack stack) throws Exception {
        JsonNode user = mapper.readTree(audit(
                stack,
                "user",
                AuditHistory.A.value(),
                "--since",
                "2026-11-20T10:05:00Z",
                "--until",
                "2026-11-20T10:20:00.150Z",
                "--json"));
        JsonNode fleet = mapper.readTree(audit(stack, "fleet", "--since", "2026-11-20T11:00:00Z", "--json"));

        assertThat(user.get("events"))
                .extracting(e -> e.get("occurredAt").asText())
                .containsExactly("2026-11-20T10:05:00Z", "2026-11-20T10:06:00Z", "2026-11-20T10:20:00Z");
        // only records stamped from 10:55 (--since minus the 5 min slack) are read: A's last three
        assertThat(fleet.get("recordsRead").asLong()).isEqualTo(3);
        assertThat(fleet.get("eventsByType").toString())
                .isEqualTo("{\"RuntimeFailed\":1,\"RuntimeStarted\":1,\"RuntimeStopped\":1}");
        assertThat(fleet.get("timingsMs").get("start").get("p50").asLong()).isEqualTo(65);
    }

    @Test
    void anUnknownUserHasAnEmptyTimeline(Stack stack) {
        String other = "cccccccc-3333-4333-8333-333333333333";

        assertThat(audit(stack, "user", other, "--all-partitions"))
                .startsWith("user " + other + ": 0 events; 19 records read, 0 undecodable\n");
    }

    @Test
    void neverJoinsAConsumerGroup(Stack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<String> before = groups(admin);

            audit(stack, "fleet");
            audit(stack, "user", AuditHistory.A.value(), "--json");

            assertThat(groups(admin)).isEqualTo(before);
            assertThat(before).noneMatch(g -> g.contains("audit"));
        }
    }

    private static Set<String> groups(Admin admin) throws Exception {
        return admin.listGroups().all().get().stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toSet());
    }

    private static String notJsonError() {
        try {
            CODEC.decode(NOT_JSON);
            throw new AssertionError("decoded");
        } catch (HermesException e) {
            return e.getMessage();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, Integer partition, Event event)
            throws Exception {
        byte[] key = event.userId() == null ? null : event.userId().value().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(
                        topic, partition, event.occurredAt().toEpochMilli(), key, CODEC.encode(event)))
                .get();
    }

    /** Runs `ops/hermes audit ...` in-process; asserts exit 0 and nothing on stderr (not a terminal here). */
    private static String audit(Stack stack, String... args) {
        List<String> argv = new ArrayList<>(List.of("audit"));
        argv.addAll(List.of(args));
        CliRun run = CliRun.run(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX",
                        stack.topics().prefix()),
                argv.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        return run.out();
    }
}
