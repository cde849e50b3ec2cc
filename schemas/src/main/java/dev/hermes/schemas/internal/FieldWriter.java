package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hermes.schemas.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes fields, in call order, into the open JSON object of a generator, leaving out absent optional
 * values. One per encoded event (it keeps a scratch buffer).
 */
public final class FieldWriter {
    private final JsonGenerator out;
    private final char[] scratch = new char[WireText.MAX_LENGTH];

    public FieldWriter(JsonGenerator out) {
        this.out = out;
    }

    public FieldWriter put(String field, String value) {
        if (value != null) {
            try {
                out.writeStringField(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    public FieldWriter put(String field, long value) {
        try {
            out.writeNumberField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FieldWriter put(String field, boolean value) {
        try {
            out.writeBooleanField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FieldWriter put(String field, UUID value) {
        return value == null ? this : scratch(field, WireText.uuid(value, scratch));
    }

    public FieldWriter put(String field, Instant value) {
        if (value == null) {
            return this;
        }
        int length = WireText.instant(value, scratch);
        return length < 0 ? put(field, value.toString()) : scratch(field, length);
    }

    public FieldWriter put(String field, UserId value) {
        return put(field, value == null ? null : value.value());
    }

    public FieldWriter put(String field, Enum<?> value) {
        return put(field, value == null ? null : value.name());
    }

    /** Writes the first {@code length} chars of the scratch buffer as the string value of {@code field}. */
    private FieldWriter scratch(String field, int length) {
        try {
            out.writeFieldName(field);
            out.writeString(scratch, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
