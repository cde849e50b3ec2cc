package dev.hermes.ops.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The top-level fields the lifecycle types use, as {@link FlatJsonScanner} found them in one record's
 * bytes: strings are kept as spans and only turned into objects when asked; reused record after record.
 * Absent and JSON null are the same; a repeated field keeps its last value (as in a JSON tree). Anything
 * not as the codec would accept it throws {@link Unsure}.
 */
final class LifecycleFields {
    enum Kind { TEXT, INTEGER, BOOL }

    enum Field {
        TYPE("type", Kind.TEXT), SCHEMA_VERSION("schemaVersion", Kind.INTEGER), EVENT_ID("eventId", Kind.TEXT),
        OCCURRED_AT("occurredAt", Kind.TEXT), USER_ID("userId", Kind.TEXT),
        CORRELATION_ID("correlationId", Kind.TEXT), CAUSATION_ID("causationId", Kind.TEXT), URL("url", Kind.TEXT),
        CONTAINER_NAME("containerName", Kind.TEXT), CONTAINER_ID("containerId", Kind.TEXT),
        CONFIG_HASH("configHash", Kind.TEXT), WORKER_ID("workerId", Kind.TEXT), REASON("reason", Kind.TEXT),
        MESSAGE("message", Kind.TEXT), SETTINGS_VERSION("settingsVersion", Kind.INTEGER),
        FROM_SETTINGS_VERSION("fromSettingsVersion", Kind.INTEGER), CREATE_MS("createMs", Kind.INTEGER),
        START_MS("startMs", Kind.INTEGER), HEALTH_MS("healthMs", Kind.INTEGER), TOTAL_MS("totalMs", Kind.INTEGER),
        DURATION_MS("durationMs", Kind.INTEGER), COLD_START("coldStart", Kind.BOOL), ADOPTED("adopted", Kind.BOOL),
        REMOVED("removed", Kind.BOOL), DATA_DELETED("dataDeleted", Kind.BOOL);

        private final byte[] name;
        private final Kind kind;

        Field(String name, Kind kind) {
            this.name = name.getBytes(StandardCharsets.US_ASCII);
            this.kind = kind;
        }

        byte[] jsonName() {
            return name.clone();
        }
    }

    /** Thrown when the fast path cannot be sure; the codec then decides. Carries no stack trace. */
    static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private final FieldNames names;
    private final UtcDays days;
    private final Kind[] found = new Kind[Field.values().length];
    private final int[] from = new int[found.length];
    private final int[] length = new int[found.length];
    private final long[] number = new long[found.length];
    private byte[] bytes;

    LifecycleFields(FieldNames names, UtcDays days) {
        this.names = names;
        this.days = days;
    }

    /** Forgets the previous record; the fields are then read from {@code bytes}. */
    LifecycleFields reset(byte[] bytes) {
        this.bytes = bytes;
        Arrays.fill(found, null);
        return this;
    }

    Field fieldNamed(int nameFrom, int nameLength) {
        return names.find(bytes, nameFrom, nameLength);
    }

    void text(Field field, int textFrom, int textLength) {
        put(field, Kind.TEXT, textFrom, textLength, 0);
    }

    void integer(Field field, long value) {
        put(field, Kind.INTEGER, 0, 0, value);
    }

    void bool(Field field, boolean value) {
        put(field, Kind.BOOL, 0, 0, value ? 1 : 0);
    }

    void absent(Field field) {
        found[field.ordinal()] = null;
    }

    private void put(Field field, Kind kind, int at, int size, long value) {
        if (kind != field.kind) {
            throw new Unsure();
        }
        int i = field.ordinal();
        found[i] = kind;
        from[i] = at;
        length[i] = size;
        number[i] = value;
    }

    boolean has(Field field) {
        return found[field.ordinal()] != null;
    }

    /** A required non-empty string. */
    String text(Field field) {
        int i = field.ordinal();
        if (found[i] == null || length[i] == 0) {
            throw new Unsure();
        }
        return new String(bytes, from[i], length[i], StandardCharsets.ISO_8859_1);
    }

    String optionalText(Field field) {
        return has(field) ? text(field) : null;
    }

    UUID uuid(Field field) {
        int i = field.ordinal();
        UUID id = found[i] == null ? null : CanonicalText.uuid(bytes, from[i], length[i]);
        if (id == null) {
            throw new Unsure();
        }
        return id;
    }

    UUID optionalUuid(Field field) {
        return has(field) ? uuid(field) : null;
    }

    Instant instant(Field field) {
        int i = field.ordinal();
        Instant instant = found[i] == null ? null : CanonicalText.utcInstant(bytes, from[i], length[i], days);
        if (instant == null) {
            throw new Unsure();
        }
        return instant;
    }

    /** A required integer >= 0. */
    long count(Field field) {
        int i = field.ordinal();
        if (found[i] == null || number[i] < 0) {
            throw new Unsure();
        }
        return number[i];
    }

    boolean bool(Field field) {
        int i = field.ordinal();
        if (found[i] == null) {
            throw new Unsure();
        }
        return number[i] == 1;
    }
}
