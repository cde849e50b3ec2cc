package dev.hermes.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.internal.EventReader;
import dev.hermes.schemas.internal.EventTypes;
import dev.hermes.schemas.internal.EventWriter;
import dev.hermes.schemas.internal.LenientCoordinates;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one codec for every hermes event: UTF-8 JSON, validated field by field on the way in, with
 * errors that name the field. Thread-safe; share one instance.
 *
 * <p>Both directions stream through Jackson (a parser in, a generator out, no JSON tree), driven by one
 * table of fields per event type ({@code internal.EventTypes}), because both are on the per-heartbeat path.
 */
public final class EventCodec {
    private final JsonFactory json =
            new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    private final ObjectMapper trees = new ObjectMapper(json);
    private final EventTypes types = new EventTypes();
    private final ThreadLocal<EventReader> readers = ThreadLocal.withInitial(() -> new EventReader(json, trees, types));
    private final ThreadLocal<EventWriter> writers = ThreadLocal.withInitial(() -> new EventWriter(json, types));
    private final LenientCoordinates coordinates = new LenientCoordinates(json);

    public byte[] encode(Event event) {
        return writers.get().write(event);
    }

    public String encodeToString(Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** Reads any event; throws {@link InvalidEventException} naming the field at fault. */
    public Event decode(byte[] bytes) {
        return readers.get().read(bytes);
    }

    public <T extends Event> T decode(byte[] bytes, Class<T> expected) {
        Event event = decode(bytes);
        if (!expected.isInstance(event)) {
            throw new InvalidEventException("type", "expected " + expected.getSimpleName() + ", got " + event.type());
        }
        return expected.cast(event);
    }

    /**
     * Where a record that {@link #decode} refuses asked to be answered, if that can be read: see {@link
     * ReplyCoordinates}. Never throws. {@code key} is the record key, which names the family when the value's
     * {@code userId} does not.
     */
    public Optional<ReplyCoordinates> replyCoordinates(byte[] value, byte[] key) {
        return Optional.ofNullable(coordinates.read(value, key));
    }

    public Optional<ReplyCoordinates> replyCoordinates(byte[] value) {
        return replyCoordinates(value, null);
    }
}
