package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly the codec's event, or step aside: never accept what the codec rejects. */
class AuditFastLifecycleDecoderTest {
    private static final String[] REPLACEMENTS = {"\"x\"", "\"\"", "\"0\"", "0", "-1", "1", "42", "1.0", "1.5",
        "1e3", "-0", "99999999999999999999", "9223372036854775807", "true", "false", "{}", "[]", "{\"a\":[1]}",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"", "\"3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192\"",
        "\"3f2b8c1e9a4d4e7b8c2a1d5e6f708192\"", "\"{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}\"",
        "\"3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819\"", "\"+f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\"",
        "\"2026-11-27T10:57:28Z\"", "\"2026-11-27T10:57:28.1Z\"", "\"2026-11-27T10:57:28.123456789Z\"",
        "\"2026-11-27T10:57:28.1234567891Z\"", "\"2026-11-27T10:57:28.Z\"", "\"2026-11-27T23:59:60Z\"",
        "\"2026-11-27T10:57:60Z\"", "\"2026-02-30T10:57:28Z\"", "\"2024-02-29T00:00:00Z\"",
        "\"2026-13-01T00:00:00Z\"", "\"2026-00-01T00:00:00Z\"", "\"2026-11-27T24:00:00Z\"",
        "\"2026-11-27T10:57:28+01:00\"", "\"2026-11-27t10:57:28z\"", "\"0000-01-01T00:00:00Z\"",
        "\"2026-11-27 10:57:28Z\"", "\"IDLE\"", "\"ORPHAN\"", "\"HEALTH_TIMEOUT\"", "\"SPAWN_ERROR\"", "\"idle\"",
        "\"RuntimeReady\"", "\"RuntimeStopped\"", "\"RuntimeRequested\"", "\"Nope\"", "2", "null"};
    private final EventCodec codec = new EventCodec();
    private final FastLifecycleDecoder fast = new FastLifecycleDecoder(codec);
    private final ObjectMapper mapper = new ObjectMapper();
    private int codecAccepted;
    private int fastAnswered;

    @Test
    void everyUnmutatedSampleTakesTheFastPathAndEqualsTheCodec() {
        for (Event sample : LifecycleSamples.all()) {
            byte[] bytes = codec.encode(sample);
            assertThat(fast.tryFast(bytes)).as(sample.toString()).isEqualTo(codec.decode(bytes)).isEqualTo(sample);
        }
    }

    @Test
    void agreesWithTheCodecOnEveryFieldRemovedNulledOrReplaced() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (Event sample : LifecycleSamples.all()) {
            ObjectNode base = (ObjectNode) mapper.readTree(codec.encode(sample));
            List<String> fields = new ArrayList<>();
            base.fieldNames().forEachRemaining(fields::add);
            fields.addAll(List.of("userId", "correlationId", "causationId", "workerId", "unknownField"));
            for (String field : fields) {
                ObjectNode removed = base.deepCopy();
                removed.remove(field);
                cases += check(removed.toString(), disagreements);
                for (String replacement : REPLACEMENTS) {
                    ObjectNode replaced = base.deepCopy();
                    replaced.set(field, mapper.readTree(replacement));
                    cases += check(replaced.toString(), disagreements);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(cases).isGreaterThan(5000);
        // it steps aside only for the unusual: most valid variants still take the fast path
        assertThat(fastAnswered).isGreaterThan(codecAccepted * 9 / 10);
    }

    @Test
    void agreesWithTheCodecOnMalformedDocuments() {
        String good = codec.encodeToString(LifecycleSamples.all().get(0));
        String body = good.substring(1, good.length() - 1);
        List<String> disagreements = new ArrayList<>();
        for (String text : List.of("", " ", "this is not json", "[]", "[" + good + "]", "null", "42", "\"x\"",
                good + " trailing", good + " {}", good + "\n", " " + good, good.replace("}", ""),
                "{" + body + ",\"userId\":\"USR_1\"}", "{\"userId\":\"USR_1\"," + body + "}",
                "{" + body + ",\"coldStart\":\"yes\"}", "{\"coldStart\":\"yes\"," + body + "}",
                "{" + body + ",\"totalMs\":null}", "{" + body + ",\"schemaVersion\":2}",
                "{" + body + ",\"nested\":{\"type\":\"Nope\",\"a\":[{},[]]}}", good.replace(":", " : "),
                "{" + body + ",}", "{" + body + "} // comment", "{'type':'RuntimeReady'}")) {
            check(text, disagreements);
        }
        assertThat(fast.tryFast(null)).isNull();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesWithTheCodecOnASyntheticHistory() {
        SyntheticHistory history = new SyntheticHistory(7, 50, Instant.parse("2026-11-01T00:00:00Z"),
                Duration.ofMillis(1234567));
        for (int i = 0; i < 5000; i++) {
            byte[] value = history.next().value();
            assertThat(fast.tryFast(value)).isNotNull().isEqualTo(codec.decode(value));
        }
    }

    /** Returns 1; adds a line to {@code disagreements} when the fast path answers and the codec does not agree. */
    private int check(String json, List<String> disagreements) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Event expected;
        try {
            expected = codec.decode(bytes);
        } catch (RuntimeException e) {
            expected = null;
        }
        Event actual = fast.tryFast(bytes);
        codecAccepted += expected == null ? 0 : 1;
        fastAnswered += actual == null ? 0 : 1;
        if (actual != null && !actual.equals(expected)) {
            disagreements.add(json + "\n  fast:  " + actual + "\n  codec: " + expected);
        }
        return 1;
    }
}
