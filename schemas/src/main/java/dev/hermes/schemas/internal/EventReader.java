package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.InvalidEventException;
import java.io.IOException;

/**
 * Reads one record with Jackson's streaming parser: first the whole document (so that anything that is
 * not JSON is reported as such, whatever else is wrong), keeping the top-level values some type reads;
 * then the envelope and the type's fields in table order, so the first field at fault is named. Values
 * no type reads are read and dropped. Not thread-safe (it reuses its slots): one per thread.
 */
public final class EventReader {
    private static final String TRAILING = "Trailing token (of type %s) found after value (bound as "
            + "`com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
            + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";
    private final JsonFactory json;
    private final ObjectMapper trees;
    private final EventTypes types;
    private final RawFields raw;
    /** Slots by field name, remembered by the name's identity: the parser hands out one String per name. */
    private final String[] recentNames = new String[64];

    private final int[] recentSlots = new int[64];

    public EventReader(JsonFactory json, ObjectMapper trees, EventTypes types) {
        this.json = json;
        this.trees = trees;
        this.types = types;
        this.raw = new RawFields(types.slotCount(), trees);
    }

    /** The event in {@code bytes}; throws {@link InvalidEventException} naming the field at fault. */
    public Event read(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventException(null, "record has no value (null)");
        }
        raw.clear();
        boolean isObject;
        try (JsonParser parser = json.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            isObject = first == JsonToken.START_OBJECT;
            if (isObject) {
                readFields(parser);
            } else if (first != null) {
                trees.readTree(parser); // a value, but not an object: still read it all, to tell JSON from not
            }
            JsonToken trailing = first == null ? null : parser.nextToken();
            if (trailing != null) {
                throw new InvalidEventException(null, "value is not JSON: " + String.format(TRAILING, trailing));
            }
        } catch (IOException e) {
            throw new InvalidEventException(null, "value is not JSON: " + firstLine(e.getMessage()));
        }
        if (!isObject) {
            throw new InvalidEventException(null, "value must be a JSON object");
        }
        raw.checkText(EventTypes.TYPE_SLOT, "type");
        long version = raw.integer(EventTypes.VERSION_SLOT, "schemaVersion");
        if (version < 1 || version > Event.SCHEMA_VERSION) {
            throw new InvalidEventException(
                    "schemaVersion",
                    "version " + version + " is not supported by this reader (supports 1.." + Event.SCHEMA_VERSION
                            + ")");
        }
        EventType<?> type = types.named(raw.chars(), raw.from(EventTypes.TYPE_SLOT), raw.length(EventTypes.TYPE_SLOT));
        if (type == null) {
            throw new InvalidEventException("type", "unknown event type '" + raw.string(EventTypes.TYPE_SLOT) + "'");
        }
        return type.read(raw);
    }

    private void readFields(JsonParser parser) throws IOException {
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            int slot = slotOf(name);
            if (slot >= 0) {
                raw.capture(slot, parser, value);
            } else if (value.isStructStart()) {
                trees.readTree(parser); // not skipChildren: reading it checks it as the tree reader did
            } else if (value == JsonToken.VALUE_STRING) {
                parser.finishToken(); // the length limit applies to strings that are read
            }
        }
    }

    /** The slot of the value named {@code name}, or -1 for a name no type reads. */
    private int slotOf(String name) {
        int at = System.identityHashCode(name) & (recentNames.length - 1);
        if (recentNames[at] != name) {
            Integer slot = types.slotOf(name);
            recentSlots[at] = slot == null ? -1 : slot;
            recentNames[at] = name;
        }
        return recentSlots[at];
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
