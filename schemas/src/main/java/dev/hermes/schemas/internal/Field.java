package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One row of an event type's table: the JSON field of that name, its kind (JSON type and rule), whether it
 * must be present, and the record accessor it is written from. It is read into the record component of
 * the same name; {@link EventType} checks that the rows and the components match.
 *
 * @param optionalWhen for a field that is required unless another one has a given value: that field's name
 * @param optionalValue the value of {@code optionalWhen} that makes this field optional
 */
public record Field<E>(
        String name,
        Kind kind,
        boolean required,
        Function<E, ?> accessor,
        Class<?> javaType,
        String optionalWhen,
        Object optionalValue,
        SerializedString quotedName) {

    /** How a value of each kind is checked, read and written. */
    public enum Kind {
        /** A non-empty string. */
        TEXT,
        /** A canonical lowercase UUID string. */
        UUID,
        /** A user id: a canonical lowercase UUID string. */
        USER_ID,
        /** A UTC timestamp string. */
        TIMESTAMP,
        /** An integer >= 0 (a long). */
        COUNT,
        /** An integer from 0 to 2^31-1 (an int). */
        SMALL_COUNT,
        /** true or false. */
        FLAG,
        /** The name of one constant of an enum. */
        CODE
    }

    public static <E> Field<E> required(String name, Kind kind, Function<E, ?> accessor) {
        return of(name, kind, true, accessor, null, null, null);
    }

    public static <E> Field<E> optional(String name, Kind kind, Function<E, ?> accessor) {
        return of(name, kind, false, accessor, null, null, null);
    }

    /** A field that must be present unless the field {@code otherField} holds {@code otherValue}. */
    public static <E> Field<E> requiredUnless(
            String otherField, Object otherValue, String name, Kind kind, Function<E, ?> accessor) {
        return of(name, kind, true, accessor, null, otherField, otherValue);
    }

    /** A required field holding the name of one of the {@code codes}. */
    public static <E, C extends Enum<C>> Field<E> code(String name, Class<C> codes, Function<E, C> accessor) {
        return of(name, Kind.CODE, true, accessor, codes, null, null);
    }

    private static <E> Field<E> of(
            String name,
            Kind kind,
            boolean required,
            Function<E, ?> accessor,
            Class<?> codes,
            String optionalWhen,
            Object optionalValue) {
        Class<?> javaType = switch (kind) {
            case TEXT -> String.class;
            case UUID -> UUID.class;
            case USER_ID -> UserId.class;
            case TIMESTAMP -> Instant.class;
            case COUNT -> required ? long.class : Long.class; // an optional count may be absent: null
            case SMALL_COUNT -> int.class;
            case FLAG -> boolean.class;
            case CODE -> codes;
        };
        return new Field<>(
                name, kind, required, accessor, javaType, optionalWhen, optionalValue, new SerializedString(name));
    }

    /** The record component's value from the raw value in {@code slot}, or null for an absent optional one. */
    Object read(RawFields raw, int slot, boolean optional) {
        if (!raw.has(slot) && (optional || !required)) {
            return null;
        }
        return switch (kind) {
            case TEXT -> raw.text(slot, name);
            case UUID -> uuid(raw, slot);
            case USER_ID -> userId(raw, slot);
            case TIMESTAMP -> timestamp(raw, slot);
            case COUNT -> count(raw.integer(slot, name));
            case SMALL_COUNT -> smallCount(count(raw.integer(slot, name)));
            case FLAG -> raw.bool(slot, name);
            case CODE -> code(raw.text(slot, name));
        };
    }

    private UUID uuid(RawFields raw, int slot) {
        raw.checkText(slot, name);
        UUID id = CanonicalUuid.parse(raw.chars(), raw.from(slot), raw.length(slot));
        if (id == null) {
            throw new InvalidEventException(name, "must be a canonical lowercase UUID, got '" + raw.string(slot) + "'");
        }
        return id;
    }

    /** Unlike the other strings, an empty or non-string user id is reported as not a UUID. */
    private UserId userId(RawFields raw, int slot) {
        UUID id = raw.kind(slot) == JsonNodeType.STRING
                ? CanonicalUuid.parse(raw.chars(), raw.from(slot), raw.length(slot))
                : null;
        if (id != null) {
            return UserId.fromUuid(id);
        }
        try {
            return UserId.of(raw.spelling(slot, name)); // throws, saying what is wrong with it
        } catch (InvalidUserIdException e) {
            throw new InvalidEventException(name, e.getMessage());
        }
    }

    private Instant timestamp(RawFields raw, int slot) {
        raw.checkText(slot, name);
        Instant instant = UtcTimestamp.parse(raw.chars(), raw.from(slot), raw.length(slot));
        if (instant == null) {
            throw new InvalidEventException(
                    name,
                    "must be an ISO-8601 UTC timestamp such as " + "2026-01-31T12:00:00Z, got '" + raw.string(slot)
                            + "'");
        }
        return instant;
    }

    private long count(long value) {
        if (value < 0) {
            throw new InvalidEventException(name, "must be >= 0, got " + value);
        }
        return value;
    }

    private int smallCount(long value) {
        if (value > Integer.MAX_VALUE) {
            throw new InvalidEventException(name, "is too large: " + value);
        }
        return (int) value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object code(String text) {
        try {
            return Enum.valueOf((Class) javaType, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(name, "unknown code '" + text + "'");
        }
    }

    /** Writes this field of {@code event}, unless it is absent (null); {@code scratch} holds 36 chars. */
    void write(E event, JsonGenerator out, char[] scratch) throws IOException {
        Object value = accessor.apply(event);
        if (value == null) {
            return;
        }
        out.writeFieldName(quotedName);
        switch (kind) {
            case TEXT -> out.writeString((String) value);
            case UUID -> out.writeString(scratch, 0, CanonicalUuid.write((UUID) value, scratch));
            case USER_ID -> out.writeString(scratch, 0, CanonicalUuid.write(((UserId) value).uuid(), scratch));
            case TIMESTAMP -> {
                int length = UtcTimestamp.write((Instant) value, scratch);
                if (length < 0) {
                    out.writeString(value.toString());
                } else {
                    out.writeString(scratch, 0, length);
                }
            }
            case COUNT -> out.writeNumber((long) value);
            case SMALL_COUNT -> out.writeNumber((int) value);
            case FLAG -> out.writeBoolean((boolean) value);
            case CODE -> out.writeString(((Enum<?>) value).name());
        }
    }
}
