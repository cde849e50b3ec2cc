package dev.hermes.schemas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads typed fields from one JSON object and names the field in every error. */
public final class FieldReader {
    private static final Pattern UTC_TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?Z$");
    private final JsonNode node;

    public FieldReader(JsonNode node) {
        this.node = node;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw new InvalidEventException(field, "must be a string, got " + value.getNodeType());
        }
        if (value.textValue().isEmpty()) {
            throw new InvalidEventException(field, "must not be empty");
        }
        return value.textValue();
    }

    public String optText(String field) {
        return has(field) ? text(field) : null;
    }

    public UUID uuid(String field) {
        String text = text(field);
        try {
            UUID parsed = UUID.fromString(text);
            if (!parsed.toString().equals(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field, "must be a canonical lowercase UUID, got '" + text + "'");
        }
    }

    public UUID optUuid(String field) {
        return has(field) ? uuid(field) : null;
    }

    public UserId userId(String field) {
        JsonNode value = required(field);
        try {
            return UserId.of(value.isTextual() ? value.textValue() : value.toString());
        } catch (InvalidUserIdException e) {
            throw new InvalidEventException(field, e.getMessage());
        }
    }

    public UserId optUserId(String field) {
        return has(field) ? userId(field) : null;
    }

    public Instant instant(String field) {
        String text = text(field);
        try {
            if (!UTC_TIMESTAMP.matcher(text).matches()) {
                throw new DateTimeParseException("not UTC", text, 0);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field, "must be an ISO-8601 UTC timestamp such as "
                    + "2026-01-31T12:00:00Z, got '" + text + "'");
        }
    }

    public long integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidEventException(field, "must be an integer, got " + value.getNodeType());
        }
        return value.longValue();
    }

    public long nonNegative(String field) {
        long value = integer(field);
        if (value < 0) {
            throw new InvalidEventException(field, "must be >= 0, got " + value);
        }
        return value;
    }

    public int nonNegativeInt(String field) {
        long value = nonNegative(field);
        if (value > Integer.MAX_VALUE) {
            throw new InvalidEventException(field, "is too large: " + value);
        }
        return (int) value;
    }

    public boolean bool(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw new InvalidEventException(field, "must be true or false, got " + value.getNodeType());
        }
        return value.booleanValue();
    }

    public <E extends Enum<E>> E code(String field, Class<E> codes) {
        String text = text(field);
        try {
            return Enum.valueOf(codes, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field, "unknown code '" + text + "'");
        }
    }
}
