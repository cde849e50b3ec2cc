package dev.hermes.worker.reaper;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads just the {@code lastActiveAt} of a LastActive value, streaming, without building a tree: a
 * restore reads a million of them. Anything unexpected is handed to the full codec, which decides and
 * explains.
 */
public final class LastActiveReader {
    private final JsonFactory json = new JsonFactory();
    private final EventCodec codec;

    public LastActiveReader(EventCodec codec) {
        this.codec = codec;
    }

    public Instant lastActiveAt(byte[] value) {
        String type = null;
        String at = null;
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fullDecode(value);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token.isStructStart()) {
                    parser.skipChildren();
                } else if ("type".equals(field) && token == JsonToken.VALUE_STRING) {
                    type = parser.getText();
                } else if ("lastActiveAt".equals(field) && token == JsonToken.VALUE_STRING) {
                    at = parser.getText();
                }
            }
        } catch (IOException e) {
            return fullDecode(value);
        }
        if (!"LastActive".equals(type) || at == null || at.length() < 20 || at.charAt(at.length() - 1) != 'Z') {
            return fullDecode(value);
        }
        try {
            return Instant.parse(at);
        } catch (RuntimeException e) {
            return fullDecode(value);
        }
    }

    private Instant fullDecode(byte[] value) {
        return codec.decode(value, LastActive.class).lastActiveAt();
    }
}
