package dev.hermes.schemas.internal.scan;

import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The top-level fields of one record as {@link FlatJsonScanner} found them: strings are kept as spans of
 * the bytes and only turned into objects when asked; reused record after record. Absent and JSON null are
 * the same; a repeated field keeps its last value (as in a JSON tree). Each getter mirrors the FieldReader
 * method of the same purpose, but throws {@link Unsure} instead of naming an error: the tree codec does that.
 */
final class ScannedFields {
    private enum Kind { TEXT, INTEGER, BOOL }

    private static final int FIELDS = Field.values().length;
    private final NameTable<Field> names = NameTable.of(Field.values(), Field::jsonName);
    private final UtcDays days = new UtcDays();
    private final Kind[] found = new Kind[FIELDS];
    private final int[] from = new int[FIELDS];
    private final int[] length = new int[FIELDS];
    private final long[] number = new long[FIELDS];
    private byte[] bytes;

    /** Forgets the previous record; the fields are then read from {@code bytes}. */
    ScannedFields reset(byte[] bytes) {
        this.bytes = bytes;
        Arrays.fill(found, null);
        return this;
    }

    /** The field named by {@code bytes[nameFrom, nameFrom + nameLength)}, or null for a name no type reads. */
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
        int i = field.ordinal();
        found[i] = kind;
        from[i] = at;
        length[i] = size;
        number[i] = value;
    }

    /** Present and not null. */
    boolean has(Field field) {
        return found[field.ordinal()] != null;
    }

    /** A required non-empty string. */
    String text(Field field) {
        int i = textIndex(field);
        return new String(bytes, from[i], length[i], StandardCharsets.ISO_8859_1); // the scanner let only ASCII in
    }

    String optionalText(Field field) {
        return has(field) ? text(field) : null;
    }

    /** The value whose name is this required string, or Unsure for any other string. */
    <T> T named(Field field, NameTable<T> table) {
        int i = textIndex(field);
        T value = table.find(bytes, from[i], length[i]);
        if (value == null) {
            throw new Unsure();
        }
        return value;
    }

    UUID uuid(Field field) {
        int i = textIndex(field);
        UUID id = CanonicalText.uuid(bytes, from[i], length[i]);
        if (id == null) {
            throw new Unsure();
        }
        return id;
    }

    UUID optionalUuid(Field field) {
        return has(field) ? uuid(field) : null;
    }

    /** A canonical UUID is exactly a valid user id: built from its bits, with no String in between. */
    UserId userId(Field field) {
        return UserId.fromUuid(uuid(field));
    }

    UserId optionalUserId(Field field) {
        return has(field) ? userId(field) : null;
    }

    Instant instant(Field field) {
        int i = textIndex(field);
        Instant instant = CanonicalText.utcInstant(bytes, from[i], length[i], days);
        if (instant == null) {
            throw new Unsure();
        }
        return instant;
    }

    /** A required integer; any value a long holds. */
    long integer(Field field) {
        int i = field.ordinal();
        if (found[i] != Kind.INTEGER) {
            throw new Unsure();
        }
        return number[i];
    }

    /** A required integer >= 0. */
    long count(Field field) {
        long value = integer(field);
        if (value < 0) {
            throw new Unsure();
        }
        return value;
    }

    /** A required integer from 0 to Integer.MAX_VALUE. */
    int smallCount(Field field) {
        long value = count(field);
        if (value > Integer.MAX_VALUE) {
            throw new Unsure();
        }
        return (int) value;
    }

    boolean bool(Field field) {
        int i = field.ordinal();
        if (found[i] != Kind.BOOL) {
            throw new Unsure();
        }
        return number[i] == 1;
    }

    /** The index of a field that holds a non-empty string, or Unsure. */
    private int textIndex(Field field) {
        int i = field.ordinal();
        if (found[i] != Kind.TEXT || length[i] == 0) {
            throw new Unsure();
        }
        return i;
    }
}
