package dev.hermes.schemas.internal;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes fields, in call order, into one open JSON object, leaving out absent optional values. One per
 * encoded event (it keeps a scratch buffer). {@link PlainFieldWriter} writes bytes directly and serves the
 * common case; {@link GeneratorFieldWriter} (Jackson) writes anything, escapes included.
 */
public abstract class FieldWriter {
    private final char[] scratch = new char[WireText.MAX_LENGTH];

    /** A string value (never null). */
    protected abstract void string(String field, String value);

    protected abstract void number(String field, long value);

    protected abstract void bool(String field, boolean value);

    /** The first {@code length} chars of {@code chars}: ASCII letters, digits and punctuation only. */
    protected abstract void ascii(String field, char[] chars, int length);

    public FieldWriter put(String field, String value) {
        if (value != null) {
            string(field, value);
        }
        return this;
    }

    public FieldWriter put(String field, long value) {
        number(field, value);
        return this;
    }

    public FieldWriter put(String field, boolean value) {
        bool(field, value);
        return this;
    }

    public FieldWriter put(String field, UUID value) {
        if (value != null) {
            ascii(field, scratch, WireText.uuid(value, scratch));
        }
        return this;
    }

    public FieldWriter put(String field, Instant value) {
        if (value == null) {
            return this;
        }
        int length = WireText.instant(value, scratch);
        if (length < 0) {
            return put(field, value.toString());
        }
        ascii(field, scratch, length);
        return this;
    }

    public FieldWriter put(String field, UserId value) {
        return value == null ? this : put(field, value.uuid());
    }

    public FieldWriter put(String field, Enum<?> value) {
        return put(field, value == null ? null : value.name());
    }
}
