package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Fields into a Jackson generator: the reference writer, for values that need escaping. */
public final class GeneratorFieldWriter extends FieldWriter {
    private final JsonGenerator out;

    private interface Write {
        void to(JsonGenerator out) throws IOException;
    }

    public GeneratorFieldWriter(JsonGenerator out) {
        this.out = out;
    }

    @Override
    protected void string(String field, String value) {
        write(o -> o.writeStringField(field, value));
    }

    @Override
    protected void number(String field, long value) {
        write(o -> o.writeNumberField(field, value));
    }

    @Override
    protected void bool(String field, boolean value) {
        write(o -> o.writeBooleanField(field, value));
    }

    @Override
    protected void ascii(String field, char[] chars, int length) {
        write(o -> {
            o.writeFieldName(field);
            o.writeString(chars, 0, length);
        });
    }

    private void write(Write write) {
        try {
            write.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
