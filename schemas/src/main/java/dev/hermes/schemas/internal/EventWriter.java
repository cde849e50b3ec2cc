package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.HermesException;
import java.io.IOException;

/**
 * Writes one event with Jackson's streaming generator: {@code type}, {@code schemaVersion}, then the
 * type's fields in table order, leaving out absent optional ones. The bytes are what
 * ObjectMapper.writeValueAsBytes writes for the same fields (EventCodecEncodingTest checks). Not
 * thread-safe (it reuses a scratch buffer): one per thread.
 */
public final class EventWriter {
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private final JsonFactory json;
    private final EventTypes types;
    private final char[] scratch = new char[CanonicalUuid.LENGTH];

    public EventWriter(JsonFactory json, EventTypes types) {
        this.json = json;
        this.types = types;
    }

    public <E extends Event> byte[] write(E event) {
        EventType<E> type = types.of(event);
        BufferRecycler recycler = json._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator out = json.createGenerator(bytes, JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeFieldName(TYPE);
                out.writeString(type.name());
                out.writeFieldName(SCHEMA_VERSION);
                out.writeNumber(Event.SCHEMA_VERSION);
                type.write(event, out, scratch);
                out.writeEndObject();
            }
            byte[] encoded = bytes.toByteArray();
            bytes.release();
            return encoded;
        } catch (IOException e) {
            throw new HermesException("could not encode " + event.type(), e);
        } finally {
            recycler.releaseToPool();
        }
    }
}
