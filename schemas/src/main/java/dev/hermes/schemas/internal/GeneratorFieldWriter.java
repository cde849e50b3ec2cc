package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Fields into a Jackson generator: the reference writer, for values that need escaping. */
public final class GeneratorFieldWriter extends FieldWriter {
    private final JsonGenerator out;

    public GeneratorFieldWriter(JsonGenerator out) {
        this.out = out;
    }

    @Override
    protected void string(String field, String value) {
        try {
            out.writeStringField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void number(String field, long value) {
        try {
            out.writeNumberField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void bool(String field, boolean value) {
        try {
            out.writeBooleanField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void ascii(String field, char[] chars, int length) {
        try {
            out.writeFieldName(field);
            out.writeString(chars, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
