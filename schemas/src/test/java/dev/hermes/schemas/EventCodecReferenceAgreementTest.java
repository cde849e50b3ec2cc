package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.SampleEvents.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader answers exactly as the former tree reader ({@link TreeReference}) did: the same
 * event, or an {@link InvalidEventException} naming the same field with the same message, for every
 * sample with every field removed, replaced or repeated, for malformed documents, and for random events.
 */
class EventCodecReferenceAgreementTest {
    /** Every field some type reads, and one none does. */
    private static final String[] FIELDS = {
        "type",
        "schemaVersion",
        "eventId",
        "occurredAt",
        "userId",
        "correlationId",
        "causationId",
        "replyTopic",
        "replyPartition",
        "deadline",
        "source",
        "deviceId",
        "changedBy",
        "lastActiveAt",
        "url",
        "containerName",
        "containerId",
        "configHash",
        "workerId",
        "reason",
        "message",
        "settingsVersion",
        "fromSettingsVersion",
        "createMs",
        "startMs",
        "healthMs",
        "totalMs",
        "durationMs",
        "coldStart",
        "adopted",
        "removed",
        "dataDeleted",
        "unknownField"
    };

    private static final String[] REPLACEMENTS = {
        "\"x\"",
        "\"\"",
        "\" \"",
        "\"0\"",
        "0",
        "-1",
        "1",
        "42",
        "1.0",
        "1.5",
        "1e3",
        "-0",
        "01",
        "2147483647",
        "2147483648",
        "-2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "99999999999999999999",
        "true",
        "false",
        "null",
        "{}",
        "[]",
        "{\"a\":[1]}",
        "\"a\\\"b\"",
        "\"a\\\\b\"",
        "\"\\u0041\"",
        "\"ü\"",
        "\"\\n\"",
        "\"tab\\there\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"",
        "\"3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192\"",
        "\"3f2b8c1e9a4d4e7b8c2a1d5e6f708192\"",
        "\"{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819\"",
        "\"+f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192 \"",
        "\"2026-11-27T10:57:28Z\"",
        "\"2026-11-27T10:57:28.1Z\"",
        "\"2026-11-27T10:57:28.123456789Z\"",
        "\"2026-11-27T10:57:28.1234567891Z\"",
        "\"2026-11-27T10:57:28.Z\"",
        "\"2026-11-27T23:59:60Z\"",
        "\"2026-11-27T10:57:60Z\"",
        "\"2026-02-30T10:57:28Z\"",
        "\"2024-02-29T00:00:00Z\"",
        "\"2026-13-01T00:00:00Z\"",
        "\"2026-00-01T00:00:00Z\"",
        "\"2026-11-27T24:00:00Z\"",
        "\"2026-11-27T10:57:28+01:00\"",
        "\"2026-11-27t10:57:28z\"",
        "\"0000-01-01T00:00:00Z\"",
        "\"9999-12-31T23:59:59.999999999Z\"",
        "\"+10000-01-01T00:00:00Z\"",
        "\"2026-11-27 10:57:28Z\"",
        "\"2026-11-27T10:57Z\"",
        "\"IDLE\"",
        "\"ORPHAN\"",
        "\"FORGET\"",
        "\"HEALTH_TIMEOUT\"",
        "\"SPAWN_ERROR\"",
        "\"OVERLOADED\"",
        "\"idle\"",
        "\"Heartbeat\"",
        "\"LastActive\"",
        "\"RuntimeRequested\"",
        "\"SettingsChanged\"",
        "\"RuntimeReady\"",
        "\"RuntimeFailed\"",
        "\"RuntimeSpawned\"",
        "\"RuntimeStarted\"",
        "\"RuntimeStopped\"",
        "\"RuntimeRecreated\"",
        "\"AccountUpdated\"",
        "\"RuntimePaused\"",
        "\"RuntimeResumed\"",
        "\"RuntimeMoved\"",
        "\"heartbeat\"",
        "\"Nope\"",
        "2"
    };
    private final EventCodec codec = new EventCodec();
    private final TreeReference reference = new TreeReference();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> disagreements = new ArrayList<>();
    private int referenceAccepted;

    @Test
    void everySampleDecodesAsTheReferenceDecodesIt() {
        for (Sample sample : SampleEvents.all()) {
            byte[] bytes = codec.encode(sample.event());
            assertThat(codec.decode(bytes))
                    .as(sample.name())
                    .isEqualTo(reference.decode(bytes))
                    .isEqualTo(sample.event());
        }
    }

    @Test
    void agreesWithTheReferenceOnEveryFieldRemovedNulledReplacedOrRepeated() throws Exception {
        int cases = 0;
        for (Sample sample : SampleEvents.all()) {
            ObjectNode base = (ObjectNode) mapper.readTree(codec.encode(sample.event()));
            String body = base.toString().substring(1, base.toString().length() - 1);
            for (String field : FIELDS) {
                ObjectNode removed = base.deepCopy();
                removed.remove(field);
                cases += check(removed.toString());
                for (String replacement : REPLACEMENTS) {
                    if (!replacement.equals("01")) { // not JSON: only as raw text below
                        ObjectNode replaced = base.deepCopy();
                        replaced.set(field, mapper.readTree(replacement));
                        cases += check(replaced.toString());
                    }
                    // the field again after or before the others: a repeated key keeps its last value
                    String pair = "\"" + field + "\":" + replacement;
                    cases += check("{" + body + "," + pair + "}") + check("{" + pair + "," + body + "}");
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isGreaterThan(100_000);
        assertThat(referenceAccepted).isGreaterThan(cases / 4);
    }

    @Test
    void agreesWithTheReferenceOnMalformedDocuments() {
        String good = codec.encodeToString(SampleEvents.runtimeReadyAllFields());
        String body = good.substring(1, good.length() - 1);
        for (String text : List.of(
                "",
                " ",
                "this is not json",
                "[]",
                "[" + good + "]",
                "null",
                "42",
                "\"x\"",
                good + " trailing",
                good + " {}",
                good + good,
                good + "\n",
                " \t\r\n" + good + " \t\r\n",
                "\uFEFF" + good,
                good.replace("}", ""),
                good.replace(",", ", "),
                good.replace(":", " : "),
                "{" + body + ",\"userId\":\"USR_1\"}",
                "{\"userId\":\"USR_1\"," + body + "}",
                "{" + body + ",\"coldStart\":\"yes\"}",
                "{\"coldStart\":\"yes\"," + body + "}",
                "{" + body + ",\"totalMs\":null}",
                "{" + body + ",\"schemaVersion\":2}",
                "{" + body + ",\"schemaVersion\":0}",
                "{" + body + ",\"nested\":{\"type\":\"Nope\",\"a\":[{},[]]}}",
                "{" + body + ",}",
                "{," + body + "}",
                "{" + body + ",,\"a\":1}",
                "{" + body + "} // comment",
                "{" + body + ",\"a\":tru}",
                "{" + body + ",\"a\":nul}",
                "{" + body + ",\"a\":-}",
                "{" + body + ",\"a\":1-}",
                "{" + body + ",\"a\":truex}",
                "{" + body + ",\"a\" 1}",
                "{" + body + ",\"a\":\"unterminated}",
                "{" + body + ",\"\":1}",
                "{" + body + ",\"a\":1",
                "{" + body.replace("\"url\"", "\"u\\u0072l\"") + "}",
                "{'type':'RuntimeReady'}",
                "[1,",
                "[1] 2",
                "42 43",
                "null null",
                "{} {",
                "{\"a\":[1,]}",
                "{\"a\":{\"b\":}}")) {
            check(text);
        }
        check(good.getBytes(StandardCharsets.UTF_16)); // Jackson detects the encoding
        check(good.getBytes(StandardCharsets.UTF_16LE));
        check((byte[]) null);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesWithTheReferenceOnTimestampsNearTheRule() {
        Random random = new Random(23);
        String valid = "2024-02-29T23:59:59.123456789Z";
        String alphabet = "0123456789-:.TZtz +";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(valid.substring(0, 20 + random.nextInt(11)));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check("{\"type\":\"LastActive\",\"schemaVersion\":1,\"eventId\":\"" + SampleEvents.EVENT_ID
                    + "\",\"occurredAt\":\"" + text + "\",\"userId\":\"" + SampleEvents.USER
                    + "\",\"lastActiveAt\":\"2026-11-27T10:57:28Z\",\"source\":\"chat\"}");
        }
        assertThat(disagreements).isEmpty();
        assertThat(referenceAccepted).isGreaterThan(1_000);
    }

    @Test
    void writesEveryTimestampAndIdAsInstantAndUuidSpellThem() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            long seconds = -62_167_219_200L + (long) (random.nextDouble() * 315_569_520_000L);
            int nanos = random.nextInt(1_000_000_000);
            int keep = new int[] {1, 1_000, 1_000_000, 1_000_000_000, 10, 100_000_000}[random.nextInt(6)];
            Instant at = Instant.ofEpochSecond(seconds, nanos / keep * keep);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            LastActive event = new LastActive(id, at, UserId.fromUuid(id), at, "chat");
            String json = codec.encodeToString(event);
            assertThat(json)
                    .contains(
                            "\"eventId\":\"" + id + "\"",
                            "\"userId\":\"" + id + "\"",
                            "\"lastActiveAt\":\"" + at + "\"");
            assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        }
    }

    @Test
    void randomEventsOfEveryTypeWithAnyTextReadBackEqualAndAsTheReferenceReadsThem() {
        for (RandomEvents events : List.of(
                new RandomEvents(7, RandomEvents::plainText),
                new RandomEvents(9, EventCodecReferenceAgreementTest::anyValidText))) {
            for (int i = 0; i < 20_000; i++) {
                Event event = events.next();
                byte[] bytes = codec.encode(event);
                assertThat(codec.decode(bytes))
                        .as(event.toString())
                        .isEqualTo(event)
                        .isEqualTo(reference.decode(bytes));
            }
        }
    }

    @Test
    void longRecordsDecode() {
        Heartbeat heartbeat = new Heartbeat(
                SampleEvents.EVENT_ID,
                SampleEvents.SECONDS,
                SampleEvents.USER,
                "d".repeat(20_000) + "ü€😀\"\\",
                "home-device");

        assertThat(codec.decode(codec.encode(heartbeat))).isEqualTo(heartbeat);
    }

    @Test
    void oneSharedCodecDecodesCorrectlyOnManyThreadsAtOnce() throws Exception {
        List<byte[]> records = new ArrayList<>();
        List<Event> expected = new ArrayList<>();
        RandomEvents events = new RandomEvents(11, RandomEvents::plainText);
        for (int i = 0; i < 2_000; i++) {
            Event event = events.next();
            records.add(codec.encode(event));
            expected.add(event);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Event>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(
                        threads.submit(() -> records.stream().map(codec::decode).toList()));
            }
            for (Future<List<Event>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Returns 1; records a disagreement unless the codec and the reference answer alike. */
    private int check(String json) {
        return check(json.getBytes(StandardCharsets.UTF_8));
    }

    private int check(byte[] bytes) {
        String expected = outcome(() -> reference.decode(bytes));
        String actual = outcome(() -> codec.decode(bytes));
        referenceAccepted += expected.startsWith("rejected") ? 0 : 1;
        if (!actual.equals(expected)) {
            disagreements.add((bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8)) + "\n  codec:     "
                    + actual + "\n  reference: " + expected);
        }
        return 1;
    }

    private interface Decoding {
        Event decode();
    }

    private static String outcome(Decoding decoding) {
        try {
            return decoding.decode().toString();
        } catch (InvalidEventException e) {
            return "rejected, field " + e.field() + ": " + e.getMessage();
        }
    }

    /** Any non-empty text without lone surrogates: controls, escapes, Latin-1, the BMP and astral planes. */
    private static String anyValidText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            int bound = new int[] {0x20, 0x80, 0x100, 0x10000, 0x110000}[random.nextInt(5)];
            int codePoint = random.nextInt(bound);
            text.appendCodePoint(codePoint >= 0xD800 && codePoint <= 0xDFFF ? '"' : codePoint);
        }
        return text.toString();
    }
}
