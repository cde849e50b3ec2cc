package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.SampleEvents.Sample;
import dev.hermes.schemas.internal.scan.FastEventDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fast path must give exactly the tree path's event, or step aside (null): it never accepts what the
 * tree path rejects, never reads a value differently, and only steps aside for the unusual.
 */
class EventCodecFastPathTest {
    /** Every field some type reads, and one none does. */
    private static final String[] FIELDS = {"type", "schemaVersion", "eventId", "occurredAt", "userId",
        "correlationId", "causationId", "replyTopic", "replyPartition", "deadline", "source", "deviceId", "changedBy",
        "lastActiveAt", "url", "containerName", "containerId", "configHash", "workerId", "reason", "message",
        "settingsVersion", "fromSettingsVersion", "createMs", "startMs", "healthMs", "totalMs", "durationMs",
        "coldStart", "adopted", "removed", "dataDeleted", "unknownField"};
    private static final String[] REPLACEMENTS = {"\"x\"", "\"\"", "\" \"", "\"0\"", "0", "-1", "1", "42", "1.0",
        "1.5", "1e3", "-0", "01", "2147483647", "2147483648", "-2147483648", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999", "true", "false", "null", "{}", "[]",
        "{\"a\":[1]}", "\"a\\\"b\"", "\"a\\\\b\"", "\"\\u0041\"", "\"ü\"", "\"\\n\"", "\"tab\\there\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"", "\"3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192\"",
        "\"3f2b8c1e9a4d4e7b8c2a1d5e6f708192\"", "\"{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819\"", "\"+f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192 \"", "\"2026-11-27T10:57:28Z\"", "\"2026-11-27T10:57:28.1Z\"",
        "\"2026-11-27T10:57:28.123456789Z\"", "\"2026-11-27T10:57:28.1234567891Z\"", "\"2026-11-27T10:57:28.Z\"",
        "\"2026-11-27T23:59:60Z\"", "\"2026-11-27T10:57:60Z\"", "\"2026-02-30T10:57:28Z\"", "\"2024-02-29T00:00:00Z\"",
        "\"2026-13-01T00:00:00Z\"", "\"2026-00-01T00:00:00Z\"", "\"2026-11-27T24:00:00Z\"",
        "\"2026-11-27T10:57:28+01:00\"", "\"2026-11-27t10:57:28z\"", "\"0000-01-01T00:00:00Z\"",
        "\"9999-12-31T23:59:59.999999999Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-11-27 10:57:28Z\"",
        "\"2026-11-27T10:57Z\"", "\"IDLE\"", "\"ORPHAN\"", "\"FORGET\"", "\"HEALTH_TIMEOUT\"", "\"SPAWN_ERROR\"",
        "\"OVERLOADED\"", "\"idle\"", "\"Heartbeat\"", "\"LastActive\"", "\"RuntimeRequested\"", "\"SettingsChanged\"",
        "\"RuntimeReady\"", "\"RuntimeFailed\"", "\"RuntimeSpawned\"", "\"RuntimeStarted\"", "\"RuntimeStopped\"",
        "\"RuntimeRecreated\"", "\"heartbeat\"", "\"Nope\"", "2"};
    private final EventCodec codec = new EventCodec();
    private final FastEventDecoder fast = new FastEventDecoder();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> disagreements = new ArrayList<>();
    private int treeAccepted;
    private int fastAnswered;

    @Test
    void everyAsciiSampleTakesTheFastPathAndEqualsTheTreePath() {
        int ascii = 0;
        for (Sample sample : SampleEvents.all()) {
            byte[] bytes = codec.encode(sample.event());
            if (new String(bytes, StandardCharsets.UTF_8).chars().allMatch(c -> c < 0x80)) {
                ascii++;
                assertThat(fast.tryDecode(bytes)).as(sample.name()).isNotNull()
                        .isEqualTo(codec.decodeTree(bytes)).isEqualTo(sample.event());
            }
        }
        assertThat(ascii).isGreaterThan(SampleEvents.all().size() - 3);
    }

    @Test
    void nonAsciiTextIsLeftToTheTreePathAndStillDecodes() {
        Heartbeat heartbeat = new Heartbeat(SampleEvents.EVENT_ID, SampleEvents.SECONDS, SampleEvents.USER,
                "gerät-ü €", "home-device");
        byte[] bytes = codec.encode(heartbeat);

        assertThat(fast.tryDecode(bytes)).isNull();
        assertThat(codec.decode(bytes)).isEqualTo(heartbeat);
    }

    @Test
    void agreesWithTheTreePathOnEveryFieldRemovedNulledReplacedOrRepeated() throws Exception {
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
        // it steps aside only for the unusual (escapes, non-ASCII, nesting, fractions, huge numbers, leap
        // seconds), which a third of the replacements are: most valid variants still take the fast path
        assertThat(fastAnswered).isGreaterThan(treeAccepted * 7 / 10);
    }

    @Test
    void agreesWithTheTreePathOnMalformedDocuments() {
        String good = codec.encodeToString(SampleEvents.runtimeReadyAllFields());
        String body = good.substring(1, good.length() - 1);
        for (String text : List.of("", " ", "this is not json", "[]", "[" + good + "]", "null", "42", "\"x\"",
                good + " trailing", good + " {}", good + good, good + "\n", " \t\r\n" + good + " \t\r\n",
                "\uFEFF" + good, good.replace("}", ""), good.replace(",", ", "), good.replace(":", " : "),
                "{" + body + ",\"userId\":\"USR_1\"}", "{\"userId\":\"USR_1\"," + body + "}",
                "{" + body + ",\"coldStart\":\"yes\"}", "{\"coldStart\":\"yes\"," + body + "}",
                "{" + body + ",\"totalMs\":null}", "{" + body + ",\"schemaVersion\":2}",
                "{" + body + ",\"schemaVersion\":0}", "{" + body + ",\"nested\":{\"type\":\"Nope\",\"a\":[{},[]]}}",
                "{" + body + ",}", "{," + body + "}", "{" + body + ",,\"a\":1}", "{" + body + "} // comment",
                "{" + body + ",\"a\":tru}", "{" + body + ",\"a\":nul}", "{" + body + ",\"a\":-}",
                "{" + body + ",\"a\":1-}", "{" + body + ",\"a\":truex}", "{" + body + ",\"a\" 1}",
                "{" + body + ",\"a\":\"unterminated}", "{" + body + ",\"\":1}", "{" + body + ",\"a\":1",
                "{" + body.replace("\"url\"", "\"u\\u0072l\"") + "}", "{'type':'RuntimeReady'}")) {
            check(text);
        }
        check(good.getBytes(StandardCharsets.UTF_16)); // Jackson detects the encoding
        check(good.getBytes(StandardCharsets.UTF_16LE));
        assertThat(fast.tryDecode(null)).isNull();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void randomEventsOfEveryTypeTakeTheFastPathAndReadBackEqual() {
        RandomEvents events = new RandomEvents(7, RandomEvents::plainText);
        for (int i = 0; i < 20_000; i++) {
            Event event = events.next();
            byte[] bytes = codec.encode(event);
            assertThat(fast.tryDecode(bytes)).as(event.toString()).isEqualTo(event).isEqualTo(codec.decodeTree(bytes));
        }
    }

    @Test
    void recordsTooLongToBeSureOfAreLeftToTheTreePath() {
        Heartbeat heartbeat = new Heartbeat(SampleEvents.EVENT_ID, SampleEvents.SECONDS, SampleEvents.USER,
                "d".repeat(20_000), "home-device");
        byte[] bytes = codec.encode(heartbeat);

        assertThat(fast.tryDecode(bytes)).isNull();
        assertThat(codec.decode(bytes)).isEqualTo(heartbeat);
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
                results.add(threads.submit(() -> records.stream().map(codec::decode).toList()));
            }
            for (Future<List<Event>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Returns 1; records a disagreement when the fast path answers and the tree path does not agree. */
    private int check(String json) {
        return check(json.getBytes(StandardCharsets.UTF_8));
    }

    private int check(byte[] bytes) {
        Event expected;
        try {
            expected = codec.decodeTree(bytes);
        } catch (InvalidEventException e) {
            expected = null;
        }
        Event actual = fast.tryDecode(bytes);
        treeAccepted += expected == null ? 0 : 1;
        fastAnswered += actual == null ? 0 : 1;
        if (actual != null && !actual.equals(expected)) {
            disagreements.add(new String(bytes, StandardCharsets.UTF_8) + "\n  fast: " + actual + "\n  tree: " + expected);
        }
        return 1;
    }
}
