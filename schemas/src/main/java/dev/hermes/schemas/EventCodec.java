package dev.hermes.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.internal.EventFields;
import dev.hermes.schemas.internal.FieldReader;
import dev.hermes.schemas.internal.FieldWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one codec for every hermes event: UTF-8 JSON, validated field by field on the way in, with
 * errors that name the field. Thread-safe; share one instance.
 */
public final class EventCodec {
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public byte[] encode(Event event) {
        ObjectNode node = mapper.createObjectNode();
        new FieldWriter(node)
                .put("type", event.type())
                .put("schemaVersion", Event.SCHEMA_VERSION)
                .put("eventId", event.eventId())
                .put("occurredAt", event.occurredAt())
                .put("userId", event.userId());
        EventFields.write(event, new FieldWriter(node));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new HermesException("could not encode " + event.type(), e);
        }
    }

    public String encodeToString(Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** Reads any event; throws {@link InvalidEventException} naming the field at fault. */
    public Event decode(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventException(null, "record has no value (null)");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidEventException(null, "value is not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(null, "value must be a JSON object");
        }
        FieldReader fields = new FieldReader(node);
        String type = fields.text("type");
        long version = fields.integer("schemaVersion");
        if (version < 1 || version > Event.SCHEMA_VERSION) {
            throw new InvalidEventException("schemaVersion", "version " + version
                    + " is not supported by this reader (supports 1.." + Event.SCHEMA_VERSION + ")");
        }
        return EventFields.read(type, fields);
    }

    public <T extends Event> T decode(byte[] bytes, Class<T> expected) {
        Event event = decode(bytes);
        if (!expected.isInstance(event)) {
            throw new InvalidEventException("type", "expected " + expected.getSimpleName() + ", got " + event.type());
        }
        return expected.cast(event);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
