package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.hermes.schemas.SampleEvents.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas alone give a non-Java caller the same answer as the Java reader: for every sample of
 * every type, each declared field is removed, nulled or replaced by a value of every JSON kind, and
 * the reader accepts the result exactly when the schema does. When both reject, the reader's
 * {@link InvalidEventException#field()} and the schema's errors name the field that was changed.
 */
class EventCodecSchemaAgreementTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode REMOVED = null;

    private final EventCodec codec = new EventCodec();

    static Stream<Sample> samples() {
        return SampleEvents.all().stream();
    }

    /** Replacement values: one of every JSON kind, plus strings that are valid for some fields. */
    private static Map<String, JsonNode> mutations() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("removed", REMOVED);
        m.put("null", NODES.nullNode());
        m.put("empty string", NODES.textNode(""));
        m.put("\"x\"", NODES.textNode("x"));
        m.put("uuid string", NODES.textNode("7d9f1c2e-3b4a-4c5d-8e6f-708192a3b4c5"));
        m.put("uppercase uuid string", NODES.textNode("7D9F1C2E-3B4A-4C5D-8E6F-708192A3B4C5"));
        m.put("timestamp string", NODES.textNode("2026-01-31T12:00:00Z"));
        m.put("code string", NODES.textNode("HEALTH_TIMEOUT"));
        m.put("0", NODES.numberNode(0));
        m.put("7", NODES.numberNode(7));
        m.put("-1", NODES.numberNode(-1));
        m.put("1.5", NODES.numberNode(1.5));
        m.put("true", NODES.booleanNode(true));
        m.put("object", NODES.objectNode().put("a", 1));
        m.put("array", NODES.arrayNode().add(1));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readerAndSchemaAgreeOnEverySingleFieldMutation(Sample sample) throws IOException {
        String type = sample.event().type();
        ObjectNode base = (ObjectNode) MAPPER.readTree(codec.encode(sample.event()));
        Set<String> fields = new LinkedHashSet<>();
        base.fieldNames().forEachRemaining(fields::add);
        EventSchemas.document(type).get("properties").fieldNames().forEachRemaining(fields::add);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;

        for (String field : fields) {
            for (Map.Entry<String, JsonNode> mutation : mutations().entrySet()) {
                ObjectNode doc = base.deepCopy();
                if (mutation.getValue() == REMOVED) {
                    doc.remove(field);
                } else {
                    doc.set(field, mutation.getValue());
                }
                String what = field + " = " + mutation.getKey();
                checked++;

                InvalidEventException readerError = null;
                try {
                    codec.decode(MAPPER.writeValueAsBytes(doc));
                } catch (InvalidEventException e) {
                    readerError = e;
                }
                Set<ValidationMessage> schemaErrors = EventSchemas.validate(type, doc);

                if ((readerError == null) != schemaErrors.isEmpty()) {
                    disagreements.add(what + ": reader "
                            + (readerError == null ? "accepts" : "rejects (" + readerError.getMessage() + ")")
                            + ", schema " + (schemaErrors.isEmpty() ? "accepts" : "rejects " + schemaErrors));
                } else if (readerError != null) {
                    String blamed = readerError.field();
                    if (!field.equals(blamed) && !dependsOn(type, blamed, field)) {
                        disagreements.add(what + ": reader blames " + blamed);
                    }
                    if (schemaErrors.stream().noneMatch(m -> mentions(m, blamed))) {
                        disagreements.add(what + ": no schema error names " + blamed + ": " + schemaErrors);
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(fields.size() * 10);
        assertThat(disagreements)
                .as("reader/schema disagreements for %s", sample)
                .isEmpty();
    }

    /**
     * The one cross-field rule: RuntimeStopped needs userId unless reason is ORPHAN, so changing an
     * ORPHAN's reason to another valid code is rightly blamed on the missing userId.
     */
    private static boolean dependsOn(String type, String blamed, String changed) {
        return type.equals("RuntimeStopped") && "userId".equals(blamed) && changed.equals("reason");
    }

    private static boolean mentions(ValidationMessage m, String field) {
        return String.valueOf(m.getInstanceLocation()).contains(field)
                || field.equals(m.getProperty())
                || String.valueOf(m.getMessage()).contains(field);
    }
}
