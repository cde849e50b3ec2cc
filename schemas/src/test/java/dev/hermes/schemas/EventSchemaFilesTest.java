package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files are self-describing 2020-12 schemas that non-Java callers can use as they are. */
class EventSchemaFilesTest {
    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    static Stream<String> types() {
        return Arrays.stream(Event.class.getPermittedSubclasses()).map(Class::getSimpleName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void eventSchemaDeclaresDraftIdTitleTopicAndEnvelope(String type) {
        JsonNode schema = EventSchemas.document(type);

        assertThat(schema.get("$schema").textValue()).isEqualTo(DRAFT);
        assertThat(schema.get("$id").textValue()).isEqualTo(EventSchemas.BASE_URI + type + ".schema.json");
        assertThat(schema.get("title").textValue()).isEqualTo(type);
        assertThat(schema.get("description").textValue()).contains("Topic hermes.");
        assertThat(schema.get("type").textValue()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").booleanValue()).isTrue();
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("type").get("const").textValue()).isEqualTo(type);
        assertThat(properties.get("schemaVersion").get("const").intValue()).isEqualTo(Event.SCHEMA_VERSION);
        assertThat(texts(schema.get("required"))).contains("type", "schemaVersion", "eventId", "occurredAt");
        properties
                .fields()
                .forEachRemaining(
                        p -> assertThat(p.getValue().path("description").asText())
                                .as("description of %s.%s", type, p.getKey())
                                .isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyRequiredFieldIsDeclared(String type) {
        JsonNode schema = EventSchemas.document(type);

        assertThat(texts(schema.get("required")))
                .allSatisfy(field -> assertThat(schema.get("properties").has(field))
                        .as("%s declares %s", type, field)
                        .isTrue());
    }

    @Test
    void userIdIsRequiredEverywhereExceptSettingsChangedAndRuntimeStopped() {
        types().forEach(type -> {
            List<String> required = texts(EventSchemas.document(type).get("required"));
            if (type.equals("SettingsChanged") || type.equals("RuntimeStopped")) {
                assertThat(required).as(type).doesNotContain("userId");
            } else {
                assertThat(required).as(type).contains("userId");
            }
        });
        assertThat(EventSchemas.document("SettingsChanged").get("properties").has("userId"))
                .isFalse();
        JsonNode stopped = EventSchemas.document("RuntimeStopped");
        assertThat(stopped.get("if").toString()).contains("ORPHAN");
        assertThat(texts(stopped.get("then").get("required"))).containsExactly("userId");
    }

    @Test
    void commonDefinitionsUseTheCanonicalUuidPatternAndAUtcTimestamp() {
        JsonNode defs = EventSchemas.document("common").get("$defs");

        assertThat(EventSchemas.document("common").get("$schema").textValue()).isEqualTo(DRAFT);
        assertThat(defs.get("uuid").get("pattern").textValue())
                .isEqualTo("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        assertThat(defs.get("userId").get("$ref").textValue()).isEqualTo("#/$defs/uuid");
        assertThat(defs.get("timestamp").get("format").textValue()).isEqualTo("date-time");
        assertThat(defs.get("timestamp").get("pattern").textValue()).endsWith("Z$");
        assertThat(defs.get("nonNegativeInteger").get("minimum").intValue()).isZero();
        assertThat(defs.get("nonEmptyString").get("minLength").intValue()).isEqualTo(1);
    }

    @Test
    void theUuidPatternIsTheOneUserIdEnforces() {
        String pattern = EventSchemas.document("common")
                .get("$defs")
                .get("uuid")
                .get("pattern")
                .textValue();
        List<String> candidates = List.of(
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192",
                "3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192",
                "3f2b8c1e9a4d4e7b8c2a1d5e6f708192",
                "usr_123",
                "{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}",
                "00000000-0000-0000-0000-000000000000",
                "g0000000-0000-0000-0000-000000000000");

        for (String candidate : candidates) {
            boolean userIdAccepts;
            try {
                UserId.of(candidate);
                userIdAccepts = true;
            } catch (InvalidUserIdException e) {
                userIdAccepts = false;
            }
            assertThat(candidate.matches(pattern)).as(candidate).isEqualTo(userIdAccepts);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyReferenceIsRelativeToCommonAndNamesAnExistingDefinition(String type) {
        JsonNode defs = EventSchemas.document("common").get("$defs");
        List<String> refs = new ArrayList<>();
        collectRefs(EventSchemas.document(type), refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("common.schema.json#/$defs/");
            assertThat(defs.has(ref.substring("common.schema.json#/$defs/".length())))
                    .as(ref)
                    .isTrue();
        });
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.has("$ref")) {
            out.add(node.get("$ref").textValue());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, out));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }
}
