package dev.hermes.schemas;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.internal.EventFields;
import dev.hermes.schemas.internal.FieldReader;
import dev.hermes.schemas.internal.FieldWriter;
import dev.hermes.schemas.internal.GeneratorFieldWriter;
import dev.hermes.schemas.internal.PlainFieldWriter;
import dev.hermes.schemas.internal.scan.FastEventDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one codec for every hermes event: UTF-8 JSON, validated field by field on the way in, with
 * errors that name the field. Thread-safe; share one instance.
 *
 * <p>Both directions are on the per-heartbeat path, so neither builds a JSON tree in the common case:
 * encode writes plain-ASCII events straight to bytes and streams the rest through Jackson's generator
 * (the same bytes either way); decode first tries a flat byte scan that answers only when it is
 * certain to agree with the tree path, which otherwise decides and names the error.
 */
public final class EventCodec {
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ThreadLocal<FastEventDecoder> fastDecoders = ThreadLocal.withInitial(FastEventDecoder::new);

    public byte[] encode(Event event) {
        try {
            PlainFieldWriter plain = new PlainFieldWriter();
            writeFields(event, plain);
            return plain.finish();
        } catch (PlainFieldWriter.NotPlain e) {
            return encodeWithGenerator(event);
        }
    }

    /** Any event, escapes and non-ASCII text included: Jackson's generator, as writeValueAsBytes uses it. */
    byte[] encodeWithGenerator(Event event) {
        BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator out = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
                out.writeStartObject();
                writeFields(event, new GeneratorFieldWriter(out));
                out.writeEndObject();
            }
            byte[] encoded = bytes.toByteArray();
            bytes.release();
            return encoded;
        } catch (IOException | UncheckedIOException e) {
            throw new HermesException("could not encode " + event.type(), e);
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void writeFields(Event event, FieldWriter fields) {
        fields.put("type", event.type())
                .put("schemaVersion", Event.SCHEMA_VERSION)
                .put("eventId", event.eventId())
                .put("occurredAt", event.occurredAt())
                .put("userId", event.userId());
        EventFields.write(event, fields);
    }

    public String encodeToString(Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** Reads any event; throws {@link InvalidEventException} naming the field at fault. */
    public Event decode(byte[] bytes) {
        Event fast = fastDecoders.get().tryDecode(bytes);
        return fast != null ? fast : decodeTree(bytes);
    }

    public <T extends Event> T decode(byte[] bytes, Class<T> expected) {
        Event event = decode(bytes);
        if (!expected.isInstance(event)) {
            throw new InvalidEventException("type", "expected " + expected.getSimpleName() + ", got " + event.type());
        }
        return expected.cast(event);
    }

    /** The reference reader: a JSON tree, every field validated in turn; the only source of decode errors. */
    Event decodeTree(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventException(null, "record has no value (null)");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidEventException(null, "value is not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(null, "value must be a JSON object");
        }
        FieldReader fields = new FieldReader(node);
        String type = fields.text("type");
        long version = fields.integer("schemaVersion");
        if (version < 1 || version > Event.SCHEMA_VERSION) {
            throw new InvalidEventException("schemaVersion", "version " + version
                    + " is not supported by this reader (supports 1.." + Event.SCHEMA_VERSION + ")");
        }
        return EventFields.read(type, fields);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
