package dev.hermes.schemas.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Writes fields onto one JSON object, leaving out absent optional values. */
public final class FieldWriter {
    private final ObjectNode node;

    public FieldWriter(ObjectNode node) {
        this.node = node;
    }

    public FieldWriter put(String field, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value instanceof Long l) {
            node.put(field, l);
        } else if (value instanceof Integer i) {
            node.put(field, i);
        } else if (value instanceof Instant || value instanceof UUID || value instanceof Enum<?>) {
            node.put(field, value.toString());
        } else {
            node.put(field, value.toString());
        }
        return this;
    }
}
