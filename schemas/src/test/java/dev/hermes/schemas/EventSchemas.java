package dev.hermes.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: the published JSON Schemas (schemas/json, copied to {@code hermes/schemas/} on the
 * classpath), loaded the way a non-Java caller would use them: by {@code $id}, with relative
 * {@code $ref}s to {@code common.schema.json} resolved against it, and with {@code format}
 * asserted (2020-12 treats format as annotation only unless the validator is told otherwise).
 */
final class EventSchemas {
    static final String BASE_URI = "https://hermes.dev/schemas/";
    static final String CLASSPATH_DIR = "hermes/schemas/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:" + CLASSPATH_DIR)));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    static String fileName(String type) {
        return type + ".schema.json";
    }

    static boolean exists(String type) {
        return EventSchemas.class.getClassLoader().getResource(CLASSPATH_DIR + fileName(type)) != null;
    }

    /** The schema file itself, as JSON, for assertions on its declarations. */
    static JsonNode document(String type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + fileName(type))) {
            if (in == null) {
                throw new AssertionError("no schema on the classpath for " + type);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema forType(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(SchemaLocation.of(BASE_URI + fileName(t)), CONFIG));
    }

    static Set<ValidationMessage> validate(String type, JsonNode instance) {
        return forType(type).validate(instance);
    }

    static Set<ValidationMessage> validate(String type, byte[] json) {
        try {
            return validate(type, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
