package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one event with Jackson's streaming generator: {@code type}, {@code schemaVersion}, then the
 * type's fields in table order, leaving out absent optional ones. The bytes are what
 * ObjectMapper.writeValueAsBytes writes for the same fields (EventCodecEncodingTest checks).
 *
 * <p>One generator writes event after event as root values (the factory must have no root value
 * separator) into a reused buffer, because making a generator per event costs as much as the writing;
 * after a failure it is dropped. Not thread-safe: one per thread.
 */
public final class EventWriter {
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private final JsonFactory json;
    private final EventTypes types;
    private final char[] scratch = new char[CanonicalUuid.LENGTH];
    private final Buffer buffer = new Buffer();
    private JsonGenerator out;

    public EventWriter(JsonFactory json, EventTypes types) {
        this.json = json;
        this.types = types;
    }

    public <E extends Event> byte[] write(E event) {
        EventType<E> type = types.of(event);
        boolean written = false;
        try {
            if (out == null) {
                out = json.createGenerator(buffer, JsonEncoding.UTF8);
            }
            out.writeStartObject();
            out.writeFieldName(TYPE);
            out.writeString(type.name());
            out.writeFieldName(SCHEMA_VERSION);
            out.writeNumber(Event.SCHEMA_VERSION);
            type.write(event, out, scratch);
            out.writeEndObject();
            out.flush();
            written = true;
            return buffer.take();
        } catch (IOException e) {
            throw new HermesException("could not encode " + event.type(), e);
        } finally {
            if (!written) {
                out = null; // half an event may be in it
                buffer.take();
            }
        }
    }

    /** The bytes of the event being written; {@link #take} empties it. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[512];
        private int length;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (length + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
            }
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, length);
            length = 0;
            return taken;
        }
    }
}
