package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid records are rejected with an {@link InvalidEventException} that names the field, and the
 * published schema rejects the same documents, so callers in other languages get the same answer
 * from the schemas alone.
 */
class EventCodecRejectionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventCodec codec = new EventCodec();

    // ---- missing / null required fields -------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "type",
                "schemaVersion",
                "eventId",
                "occurredAt",
                "userId",
                "correlationId",
                "replyTopic",
                "replyPartition",
                "deadline",
                "source"
            })
    void missingRequiredFieldOfRuntimeRequestedIsRejectedNamingTheField(String field) {
        ObjectNode json = runtimeRequested();
        json.remove(field);

        assertRejected("RuntimeRequested", json, field, "is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "type",
                "schemaVersion",
                "eventId",
                "occurredAt",
                "userId",
                "correlationId",
                "replyTopic",
                "replyPartition",
                "deadline",
                "source"
            })
    void nullRequiredFieldOfRuntimeRequestedIsRejectedNamingTheField(String field) {
        ObjectNode json = runtimeRequested();
        json.putNull(field);

        assertRejected("RuntimeRequested", json, field, "is required");
    }

    @Test
    void runtimeStoppedWithoutUserIdIsRejectedUnlessTheReasonIsOrphan() {
        ObjectNode idle = encode(SampleEvents.runtimeStoppedIdle());
        idle.remove("userId");

        assertRejected("RuntimeStopped", idle, "userId", "is required");

        ObjectNode orphan = idle.deepCopy().put("reason", "ORPHAN");
        assertThat(codec.decode(bytes(orphan), RuntimeStopped.class).userId()).isNull();
        assertThat(EventSchemas.validate("RuntimeStopped", orphan)).isEmpty();
    }

    @Test
    void orphanStopWithAMalformedUserIdIsStillRejected() {
        ObjectNode json = encode(SampleEvents.runtimeStoppedIdle())
                .put("reason", "ORPHAN")
                .put("userId", "usr_123");

        assertRejected("RuntimeStopped", json, "userId", "canonical lowercase UUID");
    }

    // ---- wrong JSON types -----------------------------------------------------------------------

    @Test
    void stringReplyPartitionIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("replyPartition", "3"),
                "replyPartition",
                "must be an integer");
    }

    @Test
    void fractionalReplyPartitionIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("replyPartition", 3.5),
                "replyPartition",
                "must be an integer");
    }

    @Test
    void negativeReplyPartitionIsRejected() {
        assertRejected(
                "RuntimeRequested", runtimeRequested().put("replyPartition", -1), "replyPartition", "must be >= 0");
    }

    @Test
    void replyPartitionAboveIntRangeIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("replyPartition", 2_147_483_648L),
                "replyPartition",
                "too large");
    }

    @Test
    void numericUserIdIsRejected() {
        assertRejected("RuntimeRequested", runtimeRequested().put("userId", 123), "userId", "canonical lowercase UUID");
    }

    @Test
    void stringColdStartIsRejected() {
        assertRejected(
                "RuntimeReady",
                encode(SampleEvents.runtimeReadyAllFields()).put("coldStart", "yes"),
                "coldStart",
                "must be true or false");
    }

    @Test
    void numericSourceIsRejected() {
        assertRejected("RuntimeRequested", runtimeRequested().put("source", 1), "source", "must be a string");
    }

    @Test
    void negativeSettingsVersionIsRejected() {
        ObjectNode json = encode(new SettingsChanged(SampleEvents.EVENT_ID, SampleEvents.SECONDS, 1, "admin"))
                .put("settingsVersion", -1);

        assertRejected("SettingsChanged", json, "settingsVersion", "must be >= 0");
    }

    @Test
    void emptyStringSourceIsRejected() {
        assertRejected("RuntimeRequested", runtimeRequested().put("source", ""), "source", "must not be empty");
    }

    @Test
    void emptyOptionalWorkerIdIsRejected() {
        assertRejected(
                "RuntimeReady",
                encode(SampleEvents.runtimeReadyAllFields()).put("workerId", ""),
                "workerId",
                "must not be empty");
    }

    // ---- UUIDs ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "userId \"{0}\"")
    @ValueSource(
            strings = {
                "3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192", // uppercase
                "3f2b8c1e-9a4d-4e7b-8c2a-1D5e6f708192", // one uppercase digit
                "3f2b8c1e9a4d4e7b8c2a1d5e6f708192", // no dashes
                "usr_123", // legacy id
                "{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}", // braces
                "urn:uuid:3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192",
                " 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192", // leading space
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\n", // trailing newline
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819", // one digit short
                "1-1-1-1-1", // java.util.UUID.fromString would accept this
                ""
            })
    void nonCanonicalUserIdIsRejected(String userId) {
        assertRejected(
                "RuntimeRequested", runtimeRequested().put("userId", userId), "userId", "canonical lowercase UUID");
    }

    @ParameterizedTest(name = "eventId \"{0}\"")
    @ValueSource(
            strings = {
                "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                "0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
                "usr_123",
                "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}",
                "1-1-1-1-1"
            })
    void nonCanonicalEventIdIsRejected(String eventId) {
        assertRejected(
                "RuntimeRequested", runtimeRequested().put("eventId", eventId), "eventId", "canonical lowercase UUID");
    }

    @Test
    void nonCanonicalCorrelationIdIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("correlationId", "C0FFEE00-1234-4ABC-9DEF-0123456789AB"),
                "correlationId",
                "canonical lowercase UUID");
    }

    @Test
    void nonCanonicalOptionalCausationIdIsRejected() {
        assertRejected(
                "RuntimeReady",
                encode(SampleEvents.runtimeReadyAllFields()).put("causationId", "abc"),
                "causationId",
                "canonical lowercase UUID");
    }

    // ---- envelope: type and version -----------------------------------------------------------

    @Test
    void unknownTypeIsRejectedAndNoSchemaAcceptsIt() {
        ObjectNode json = runtimeRequested().put("type", "RuntimeExploded");

        InvalidEventException e = rejection(json);

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage()).contains("type").contains("RuntimeExploded");
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            assertThat(EventSchemas.validate(type.getSimpleName(), json))
                    .as("%s schema accepts type RuntimeExploded", type.getSimpleName())
                    .isNotEmpty();
        }
    }

    @Test
    void typeNameIsCaseSensitive() {
        assertRejected(
                "RuntimeRequested", runtimeRequested().put("type", "runtimeRequested"), "type", "unknown event type");
    }

    @Test
    void eventOfAnotherTypeIsRejectedByTheTypedDecodeAndByTheOtherTypesSchema() {
        byte[] heartbeat = codec.encode(
                new Heartbeat(SampleEvents.EVENT_ID, SampleEvents.NANOS, SampleEvents.USER, "device-1", "home-device"));

        InvalidEventException e = catchThrowableOfType(
                InvalidEventException.class, () -> codec.decode(heartbeat, RuntimeRequested.class));

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage()).contains("RuntimeRequested").contains("Heartbeat");
        assertThat(EventSchemas.validate("RuntimeRequested", heartbeat)).isNotEmpty();
    }

    @ParameterizedTest(name = "schemaVersion {0}")
    @ValueSource(ints = {2, 0, -1})
    void unsupportedSchemaVersionIsRejected(int version) {
        assertRejected(
                "RuntimeRequested", runtimeRequested().put("schemaVersion", version), "schemaVersion", "not supported");
    }

    @Test
    void stringSchemaVersionIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("schemaVersion", "1"),
                "schemaVersion",
                "must be an integer");
    }

    // ---- timestamps ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "occurredAt \"{0}\"")
    @ValueSource(
            strings = {
                "yesterday",
                "2026-11-27",
                "2026-11-27 10:57:28Z",
                "2026-11-27T10:57Z",
                "2026-02-30T10:57:28Z",
                "2026-11-27T10:57:28.1234567891Z",
                "27/11/2026 10:57:28",
                ""
            })
    void badOccurredAtIsRejected(String timestamp) {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("occurredAt", timestamp),
                "occurredAt",
                timestamp.isEmpty() ? "must not be empty" : "ISO-8601 UTC");
    }

    @Test
    void epochMillisDeadlineIsRejected() {
        assertRejected(
                "RuntimeRequested",
                runtimeRequested().put("deadline", 1_795_000_000_000L),
                "deadline",
                "must be a string");
    }

    @Test
    void badLastActiveAtIsRejected() {
        ObjectNode json = encode(new LastActive(
                        SampleEvents.EVENT_ID, SampleEvents.NANOS, SampleEvents.USER, SampleEvents.MILLIS, "chat"))
                .put("lastActiveAt", "2026-11-27T10:57:28");

        assertRejected("LastActive", json, "lastActiveAt", "ISO-8601 UTC");
    }

    // ---- codes ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "reason \"{0}\"")
    @ValueSource(strings = {"TIMEOUT", "health_timeout", "Health_Timeout"})
    void unknownFailureReasonIsRejected(String reason) {
        ObjectNode json = encode(new RuntimeFailed(
                        SampleEvents.EVENT_ID,
                        SampleEvents.NANOS,
                        SampleEvents.USER,
                        null,
                        FailureReason.SPAWN_ERROR,
                        "boom",
                        null,
                        null))
                .put("reason", reason);

        assertRejected("RuntimeFailed", json, "reason", "unknown code");
    }

    @Test
    void unknownStopReasonIsRejected() {
        assertRejected(
                "RuntimeStopped",
                encode(SampleEvents.runtimeStoppedIdle()).put("reason", "BORED"),
                "reason",
                "unknown code");
    }

    // ---- whole record unreadable ---------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "not json",
                "{\"type\": \"RuntimeRequested\",",
                "{'type': 'RuntimeRequested'}",
                "\u0000\u0001\u0002"
            })
    void nonJsonBytesAreRejectedWithoutAField(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(bytes));

        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith("value is not JSON");
        // no schema validator gets as far as the schema: the document is not JSON at all
        assertThatThrownBy(() -> MAPPER.readTree(bytes)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "[]",
                "[{\"type\": \"RuntimeRequested\"}]",
                "null",
                "\"RuntimeRequested\"",
                "42",
                "true",
                "",
                "   "
            })
    void jsonThatIsNotAnObjectIsRejectedWithoutAField(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(bytes));

        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).isEqualTo("value must be a JSON object");
        if (!text.isBlank()) {
            JsonNode node = MAPPER.readTree(bytes);
            assertThat(EventSchemas.validate("RuntimeRequested", node)).isNotEmpty();
        }
    }

    @Test
    void nullRecordValueIsRejectedWithoutAField() {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(null));

        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).contains("null");
        // a schema sees a missing value as JSON null, which is not an object
        assertThat(EventSchemas.validate("RuntimeRequested", MAPPER.nullNode())).isNotEmpty();
    }

    @Test
    void theSameDocumentsAreValidBeforeMutation() {
        // guards every test above: the base documents are accepted, so each rejection is due to the mutation
        assertThat(EventSchemas.validate("RuntimeRequested", runtimeRequested()))
                .isEmpty();
        assertThat(codec.decode(bytes(runtimeRequested()))).isEqualTo(SampleEvents.runtimeRequested());
        assertThat(EventSchemas.validate("RuntimeReady", encode(SampleEvents.runtimeReadyAllFields())))
                .isEmpty();
        assertThat(EventSchemas.validate("RuntimeStopped", encode(SampleEvents.runtimeStoppedIdle())))
                .isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private ObjectNode runtimeRequested() {
        return encode(SampleEvents.runtimeRequested());
    }

    private ObjectNode encode(Event event) {
        try {
            return (ObjectNode) MAPPER.readTree(codec.encode(event));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private InvalidEventException rejection(JsonNode json) {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(bytes(json)));
        assertThat(e).as("reader accepted %s", json).isNotNull();
        return e;
    }

    /** Reader rejects naming {@code field}; the schema for {@code type} rejects with an error about it. */
    private void assertRejected(String type, JsonNode json, String field, String messagePart) {
        InvalidEventException e = rejection(json);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith("field '" + field + "'").contains(messagePart);

        Set<ValidationMessage> errors = EventSchemas.validate(type, json);
        assertThat(errors).as("schema %s accepts %s", type, json).isNotEmpty();
        assertThat(errors).as("schema errors name %s", field).anySatisfy(namesField(field));
    }

    static Consumer<ValidationMessage> namesField(String field) {
        return m -> assertThat(Arrays.asList(String.valueOf(m.getInstanceLocation()), m.getProperty(), m.getMessage()))
                .anySatisfy(s -> assertThat(s).contains(field));
    }
}
