package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lenient read of a refused record's reply coordinates: what it makes sense of, and that it never throws. */
class ReplyCoordinatesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER = SampleEvents.USER.value();
    private static final UUID CORRELATION = SampleEvents.CORRELATION_ID;
    private final EventCodec codec = new EventCodec();

    @Test
    void aValidRequestHasItsCoordinates() {
        byte[] value = codec.encode(SampleEvents.runtimeRequested());

        assertThat(codec.replyCoordinates(value))
                .contains(new ReplyCoordinates(CORRELATION, "hermes.runtime.replies", 7, SampleEvents.USER));
    }

    @Test
    void aRequestWrongElsewhereStillHasItsCoordinates() {
        for (String broken : List.of(
                "{\"deadline\":null}",
                "{\"deadline\":\"tomorrow\"}",
                "{\"schemaVersion\":2}",
                "{\"schemaVersion\":\"1\"}",
                "{\"type\":\"Nope\"}",
                "{\"type\":null}",
                "{\"eventId\":\"not-a-uuid\"}",
                "{\"source\":\"\"}",
                "{\"source\":{\"deep\":[1,2,{\"x\":[]}]}}",
                "{\"occurredAt\":12345}")) {
            assertThat(coordinates(broken)).as(broken).isPresent().get().satisfies(c -> {
                assertThat(c.correlationId()).isEqualTo(CORRELATION);
                assertThat(c.replyTopic()).isEqualTo("hermes.runtime.replies");
                assertThat(c.replyPartition()).isEqualTo(7);
                assertThat(c.userId()).isEqualTo(SampleEvents.USER);
            });
        }
    }

    @Test
    void idsSpelledAnotherWayAreReadInCanonicalForm() {
        String upper = USER.toUpperCase();
        for (String spelling : List.of(
                upper, "{" + USER + "}", "urn:uuid:" + USER, "URN:UUID:" + upper, USER.replace("-", ""), " " + USER)) {
            assertThat(coordinates("{\"userId\":\"" + spelling + "\",\"correlationId\":\""
                                    + CORRELATION.toString().toUpperCase() + "\"}")
                            .orElseThrow())
                    .as(spelling)
                    .satisfies(c -> {
                        assertThat(c.userId()).isEqualTo(SampleEvents.USER);
                        assertThat(c.correlationId()).isEqualTo(CORRELATION);
                    });
        }
    }

    @Test
    void aUserIdThatIsNoUuidFallsBackToTheKeyAndOtherwiseIsAbsent() {
        byte[] legacy = with("{\"userId\":\"usr_42\"}");
        UserId key = UserId.random();

        assertThat(codec.replyCoordinates(legacy, key.asciiBytes())
                        .orElseThrow()
                        .userId())
                .isEqualTo(key);
        assertThat(codec.replyCoordinates(legacy, key.value().toUpperCase().getBytes(StandardCharsets.UTF_8))
                        .orElseThrow()
                        .userId())
                .isEqualTo(key);
        assertThat(codec.replyCoordinates(legacy, "usr_42".getBytes(StandardCharsets.UTF_8))
                        .orElseThrow()
                        .userId())
                .isNull();
        assertThat(codec.replyCoordinates(with("{\"userId\":null}"))
                        .orElseThrow()
                        .userId())
                .isNull();
        assertThat(codec.replyCoordinates(with("{\"userId\":42}"), key.asciiBytes())
                        .orElseThrow()
                        .userId())
                .isEqualTo(key);
    }

    @Test
    void aPartitionOfAnotherJsonTypeIsReadIfItIsANumberWithoutAFraction() {
        assertThat(partition("\"3\"")).contains(3);
        assertThat(partition("\" 12 \"")).contains(12);
        assertThat(partition("3.0")).contains(3);
        assertThat(partition("2147483647")).contains(Integer.MAX_VALUE);
        for (String unreadable : List.of(
                "-1",
                "3.5",
                "2147483648",
                "99999999999999999999999",
                "\"-3\"",
                "\"three\"",
                "\"\"",
                "true",
                "null",
                "[3]",
                "{\"p\":3}",
                "1e400")) {
            assertThat(partition(unreadable)).as(unreadable).isEmpty();
        }
    }

    @Test
    void withoutReadableCoordinatesThereAreNone() {
        for (String missing : List.of(
                "{\"correlationId\":null}",
                "{\"correlationId\":\"abc\"}",
                "{\"correlationId\":7}",
                "{\"correlationId\":[\"" + CORRELATION + "\"]}",
                "{\"replyTopic\":null}",
                "{\"replyTopic\":\"\"}",
                "{\"replyTopic\":\"  \"}",
                "{\"replyTopic\":5}",
                "{\"replyTopic\":{\"name\":\"x\"}}",
                "{\"replyPartition\":null}")) {
            assertThat(coordinates(missing)).as(missing).isEmpty();
        }
        for (String unreadable : List.of(
                "",
                "not json",
                "[1,2,3]",
                "\"a string\"",
                "42",
                "null",
                "{",
                "{\"correlationId\":\"" + CORRELATION + "\",\"replyTopic\":\"r\",\"replyPartition\":0",
                "{\"correlationId\":\"" + CORRELATION + "\",\"replyTopic\":\"r\",\"replyPartition\":0} trailing",
                "{\"correlationId\":\"" + CORRELATION + "\",\"replyTopic\":\"r\",\"replyPartition\":0}{}")) {
            assertThat(codec.replyCoordinates(unreadable.getBytes(StandardCharsets.UTF_8)))
                    .as(unreadable)
                    .isEmpty();
        }
        assertThat(codec.replyCoordinates(null)).isEmpty();
        assertThat(codec.replyCoordinates(null, USER.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aRepeatedNameKeepsItsLastValueAsTheStrictReaderDoes() {
        String twice = "{\"replyPartition\":1,\"correlationId\":\"" + CORRELATION
                + "\",\"replyTopic\":\"r\",\"replyPartition\":2}";

        assertThat(codec.replyCoordinates(twice.getBytes(StandardCharsets.UTF_8))
                        .orElseThrow()
                        .replyPartition())
                .isEqualTo(2);
    }

    @Test
    void hostileDocumentsNeverThrow() {
        List<byte[]> hostile = new ArrayList<>();
        hostile.add("[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        hostile.add(("{\"a\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        hostile.add(("{\"correlationId\":\"" + "a".repeat(900_000) + "\",\"replyTopic\":\"r\",\"replyPartition\":0}")
                .getBytes(StandardCharsets.UTF_8));
        hostile.add(("{\"replyTopic\":\"" + "t".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        hostile.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        hostile.add("{\"correlationId\":\"\uD800\"}".getBytes(StandardCharsets.UTF_8));
        byte[] valid = codec.encode(SampleEvents.runtimeRequested());
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            byte[] mutated = java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length));
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            hostile.add(mutated);
        }
        for (byte[] value : hostile) {
            assertThatCode(() -> codec.replyCoordinates(value, value)).doesNotThrowAnyException();
        }
        assertThat(codec.replyCoordinates(hostile.get(2)))
                .as("a 900 kB correlation id is none")
                .isEmpty();
    }

    /** A valid request's JSON with the fields of {@code changes} replaced (null values kept as JSON null). */
    private byte[] with(String changes) {
        try {
            ObjectNode request = (ObjectNode) MAPPER.readTree(codec.encode(SampleEvents.runtimeRequested()));
            MAPPER.readTree(changes).fields().forEachRemaining(f -> request.set(f.getKey(), f.getValue()));
            return MAPPER.writeValueAsBytes(request);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ReplyCoordinates> coordinates(String changes) {
        return codec.replyCoordinates(with(changes));
    }

    private Optional<Integer> partition(String json) {
        return codec.replyCoordinates(with("{\"replyPartition\":" + json + "}")).map(ReplyCoordinates::replyPartition);
    }
}
