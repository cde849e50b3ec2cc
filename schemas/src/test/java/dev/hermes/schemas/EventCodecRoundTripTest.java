package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.SampleEvents.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the codec writes is valid against the published schema, and reads back as the same record. */
class EventCodecRoundTripTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventCodec codec = new EventCodec();

    static Stream<Sample> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void samplesCoverEveryPermittedEventTypeAndEveryTypeHasASchemaFile() {
        Set<String> permitted = Arrays.stream(Event.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
        Set<String> sampled =
                SampleEvents.all().stream().map(s -> s.event().type()).collect(Collectors.toSet());

        assertThat(permitted).hasSize(14);
        assertThat(sampled).isEqualTo(permitted);
        assertThat(permitted)
                .allSatisfy(type -> assertThat(EventSchemas.exists(type))
                        .as("schema file %s on the classpath", EventSchemas.fileName(type))
                        .isTrue());
        // and each type has at least two samples (all optional fields set / absent or edge values)
        assertThat(SampleEvents.all().stream()
                        .collect(Collectors.groupingBy(s -> s.event().type(), Collectors.counting())))
                .allSatisfy((type, count) -> assertThat(count).as(type).isGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodedEventIsValidAgainstItsSchemaAndDecodesToAnEqualRecord(Sample sample) {
        Event event = sample.event();

        byte[] json = codec.encode(event);

        assertThat(EventSchemas.validate(event.type(), json))
                .as("schema errors for %s", new String(json, StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(codec.decode(json)).isEqualTo(event);
        assertThat(codec.decode(json, event.getClass())).isEqualTo(event);
        assertThat(codec.decode(codec.encodeToString(event).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodedEnvelopeHasTypeVersionCanonicalIdsAndUtcTimestamp(Sample sample) throws IOException {
        Event event = sample.event();

        JsonNode json = MAPPER.readTree(codec.encode(event));

        assertThat(json.get("type").textValue()).isEqualTo(event.getClass().getSimpleName());
        assertThat(json.get("schemaVersion").isIntegralNumber()).isTrue();
        assertThat(json.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(json.get("eventId").textValue())
                .isEqualTo(event.eventId().toString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(json.get("occurredAt").textValue())
                .isEqualTo(event.occurredAt().toString())
                .endsWith("Z");
        if (event.userId() == null) {
            assertThat(json.has("userId")).isFalse();
        } else {
            assertThat(json.get("userId").textValue()).isEqualTo(event.userId().value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void absentOptionalFieldsAreOmittedNotWrittenAsNull(Sample sample) throws IOException {
        JsonNode json = MAPPER.readTree(codec.encode(sample.event()));

        json.fields()
                .forEachRemaining(field -> assertThat(field.getValue().isNull())
                        .as("field %s is written as null", field.getKey())
                        .isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyFieldTheCodecWritesIsDeclaredInTheSchemaAndEveryRequiredFieldIsWritten(Sample sample) throws IOException {
        String type = sample.event().type();
        JsonNode schema = EventSchemas.document(type);
        Set<String> declared = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(r -> required.add(r.textValue()));
        Set<String> written = new HashSet<>();

        MAPPER.readTree(codec.encode(sample.event())).fieldNames().forEachRemaining(written::add);

        assertThat(declared).containsAll(written);
        assertThat(written).containsAll(required);
    }

    @Test
    void fullSamplesWriteExactlyTheFieldsTheSchemaDeclares() throws IOException {
        // the "all fields" samples set every optional field, so they must write every declared property
        for (Sample sample : SampleEvents.all()) {
            if (!sample.name().contains("(all fields)")) {
                continue;
            }
            Set<String> declared = new HashSet<>();
            EventSchemas.document(sample.event().type())
                    .get("properties")
                    .fieldNames()
                    .forEachRemaining(declared::add);
            Set<String> written = new HashSet<>();
            MAPPER.readTree(codec.encode(sample.event())).fieldNames().forEachRemaining(written::add);

            assertThat(written).as(sample.name()).isEqualTo(declared);
        }
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void everyFailureReasonRoundTripsAndIsInTheSchema(FailureReason reason) {
        RuntimeFailed event = new RuntimeFailed(
                SampleEvents.EVENT_ID,
                SampleEvents.NANOS,
                SampleEvents.USER,
                SampleEvents.CORRELATION_ID,
                reason,
                "detail",
                "worker-1",
                null);

        byte[] json = codec.encode(event);

        assertThat(EventSchemas.validate("RuntimeFailed", json)).isEmpty();
        assertThat(codec.decode(json, RuntimeFailed.class).reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @EnumSource(StopReason.class)
    void everyStopReasonRoundTripsAndIsInTheSchema(StopReason reason) {
        RuntimeStopped event = new RuntimeStopped(
                SampleEvents.EVENT_ID,
                SampleEvents.NANOS,
                SampleEvents.USER,
                null,
                "worker-1",
                SampleEvents.CONTAINER,
                reason,
                true,
                false);

        byte[] json = codec.encode(event);

        assertThat(EventSchemas.validate("RuntimeStopped", json)).isEmpty();
        assertThat(codec.decode(json, RuntimeStopped.class).reason()).isEqualTo(reason);
    }

    @Test
    void schemaEnumsListExactlyTheJavaCodes() {
        assertThat(enumOf("RuntimeFailed", "reason"))
                .containsExactlyElementsOf(
                        Arrays.stream(FailureReason.values()).map(Enum::name).toList());
        assertThat(enumOf("RuntimeStopped", "reason"))
                .containsExactlyElementsOf(
                        Arrays.stream(StopReason.values()).map(Enum::name).toList());
    }

    @Test
    void unknownExtraPropertiesAreToleratedByReaderAndSchema() throws IOException {
        RuntimeRequested event = SampleEvents.runtimeRequested();
        ObjectNode json = (ObjectNode) MAPPER.readTree(codec.encode(event));
        json.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        json.putObject("futureField").put("nested", true);
        byte[] bytes = MAPPER.writeValueAsBytes(json);

        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(EventSchemas.validate("RuntimeRequested", bytes)).isEmpty();
    }

    @Test
    void explicitNullForAnOptionalFieldIsReadAsAbsentByReaderAndSchema() throws IOException {
        RuntimeReady event = new RuntimeReady(
                SampleEvents.EVENT_ID,
                SampleEvents.SECONDS,
                SampleEvents.USER,
                null,
                "http://127.0.0.1:49153",
                SampleEvents.CONTAINER,
                3,
                false,
                0,
                0,
                0,
                0,
                null,
                null);
        ObjectNode json = (ObjectNode) MAPPER.readTree(codec.encode(event));
        json.putNull("correlationId");
        json.putNull("workerId");
        json.putNull("causationId");
        byte[] bytes = MAPPER.writeValueAsBytes(json);

        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(EventSchemas.validate("RuntimeReady", bytes)).isEmpty();
    }

    @Test
    void orphanStopWithNullUserIdIsAcceptedByReaderAndSchema() throws IOException {
        ObjectNode json = MAPPER.createObjectNode()
                .put("type", "RuntimeStopped")
                .put("schemaVersion", 1)
                .put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", "2026-11-27T10:57:28Z")
                .putNull("userId")
                .put("workerId", "worker-1")
                .put("containerName", "hermes-user-usr_123")
                .put("reason", "ORPHAN")
                .put("removed", true)
                .put("dataDeleted", false);
        byte[] bytes = MAPPER.writeValueAsBytes(json);

        assertThat(codec.decode(bytes, RuntimeStopped.class).userId()).isNull();
        assertThat(EventSchemas.validate("RuntimeStopped", bytes)).isEmpty();
    }

    @Test
    void documentAsAPythonProducerWouldWriteItIsReadAndValid() {
        // json.dumps({...}) of a dict built by hand: different key order, whole-second timestamp, no optionals
        String python = "{\"source\": \"voice\", \"deadline\": \"2026-11-27T11:00:00Z\", \"replyPartition\": 3, "
                + "\"replyTopic\": \"hermes.runtime.replies\", \"correlationId\": \"5b0a7c8e-2f1d-4c3b-9a8e-7d6c5b4a3f2e\", "
                + "\"userId\": \"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\", \"occurredAt\": \"2026-11-27T10:58:00.5Z\", "
                + "\"eventId\": \"9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a\", \"schemaVersion\": 1, \"type\": \"RuntimeRequested\"}";
        byte[] bytes = python.getBytes(StandardCharsets.UTF_8);

        assertThat(EventSchemas.validate("RuntimeRequested", bytes)).isEmpty();
        RuntimeRequested read = codec.decode(bytes, RuntimeRequested.class);
        assertThat(read.replyPartition()).isEqualTo(3);
        assertThat(read.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-27T10:58:00.500Z"));
        assertThat(read.userId()).isEqualTo(SampleEvents.USER);
    }

    private static Set<String> enumOf(String type, String property) {
        Set<String> values = new java.util.LinkedHashSet<>();
        EventSchemas.document(type).get("properties").get(property).get("enum").forEach(v -> values.add(v.textValue()));
        return values;
    }
}
