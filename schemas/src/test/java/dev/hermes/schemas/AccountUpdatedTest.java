package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The codec's AccountUpdated row and its bounds: the reader, the record and the JSON Schema agree. */
class AccountUpdatedTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventCodec codec = new EventCodec();

    private static AccountUpdated sample() {
        return new AccountUpdated(
                SampleEvents.EVENT_ID,
                SampleEvents.MILLIS,
                SampleEvents.USER,
                "The Müller family",
                "Ada, Bob",
                "Europe/Berlin",
                "de-DE",
                "line one\nline two",
                "ops-cli");
    }

    @Test
    void roundTripsWithEveryFieldAndWritesTheWireNames() throws IOException {
        AccountUpdated event = sample();

        byte[] bytes = codec.encode(event);

        assertThat(codec.decode(bytes, AccountUpdated.class)).isEqualTo(event);
        assertThat(MAPPER.readTree(bytes).fieldNames())
                .toIterable()
                .containsExactly(
                        "type",
                        "schemaVersion",
                        "eventId",
                        "occurredAt",
                        "userId",
                        "displayName",
                        "members",
                        "timezone",
                        "locale",
                        "notes",
                        "changedBy");
        assertThat(EventSchemas.validate("AccountUpdated", bytes)).isEmpty();
    }

    @Test
    void absentOptionalFieldsReadAsNull() {
        AccountUpdated minimal = new AccountUpdated(
                SampleEvents.EVENT_ID, SampleEvents.SECONDS, SampleEvents.USER, "A", null, null, null, null, "x");

        assertThat(codec.decode(codec.encode(minimal))).isEqualTo(minimal);
    }

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                Arguments.of("displayName", "x".repeat(AccountUpdated.MAX_DISPLAY_NAME + 1), "too long"),
                Arguments.of("displayName", "two\nlines", "control characters"),
                Arguments.of("members", "Ada\tBob", "control characters"),
                Arguments.of("timezone", "x".repeat(AccountUpdated.MAX_TIMEZONE + 1), "too long"),
                Arguments.of("locale", "de\u0000DE", "control characters"),
                Arguments.of("notes", "n".repeat(AccountUpdated.MAX_NOTES + 1), "too long"),
                Arguments.of("notes", "bell\u0007", "other than a newline"),
                Arguments.of("notes", "carriage\r\nreturn", "other than a newline"),
                Arguments.of("changedBy", "del\u007f", "control characters"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("outOfBounds")
    void theReaderAndTheSchemaRejectTheSameFieldOutOfBounds(String field, String value, String message)
            throws IOException {
        ObjectNode json = (ObjectNode) MAPPER.readTree(codec.encode(sample()));
        json.put(field, value);

        assertThatThrownBy(() -> codec.decode(MAPPER.writeValueAsBytes(json)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
        assertThat(EventSchemas.validate("AccountUpdated", json))
                .isNotEmpty()
                .anySatisfy(EventCodecRejectionTest.namesField(field));
    }

    @Test
    void theBoundsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(AccountUpdated.MAX_DISPLAY_NAME);
        AccountUpdated event = new AccountUpdated(
                SampleEvents.EVENT_ID, SampleEvents.SECONDS, SampleEvents.USER, emoji, null, null, null, null, "x");

        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        assertThat(EventSchemas.validate("AccountUpdated", codec.encode(event))).isEmpty();
    }

    @Test
    void aJavaProducerCannotBuildOneTheWorkersWouldReject() {
        assertThatThrownBy(() -> new AccountUpdated(
                        SampleEvents.EVENT_ID,
                        SampleEvents.SECONDS,
                        SampleEvents.USER,
                        "ok",
                        null,
                        null,
                        null,
                        "n".repeat(AccountUpdated.MAX_NOTES + 1),
                        "x"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("notes");
    }

    @Test
    void theAccountsTopicSharesThePrefix() {
        assertThat(new Topics("t1.").accounts()).isEqualTo("t1.accounts");
    }
}
