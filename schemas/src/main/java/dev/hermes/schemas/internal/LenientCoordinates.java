package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads the reply coordinates of a record the strict reader refused: a well-formed JSON object with a
 * {@code correlationId}, a {@code replyTopic} and a {@code replyPartition} that can be made sense of, whatever else
 * is wrong with it. Ids may be spelled in any common way (upper case, braces, {@code urn:uuid:}, no dashes); a
 * partition may be a number with no fraction or a string of digits. Never throws: anything it cannot read is
 * simply not there. Stateless and thread-safe.
 */
public final class LenientCoordinates {
    private static final int LONGEST_ID = 64;
    private final JsonFactory json;

    public LenientCoordinates(JsonFactory json) {
        this.json = json;
    }

    /** The coordinates in {@code value}, or null; {@code key} (the record key) names the family if the value does not. */
    public ReplyCoordinates read(byte[] value, byte[] key) {
        if (value == null) {
            return null;
        }
        UUID correlationId = null;
        String replyTopic = null;
        long replyPartition = -1;
        UUID userId = null;
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (token.isStructStart()) {
                    parser.skipChildren();
                    token = null; // an object or array is nothing this reader can use
                }
                switch (name) {
                    case "correlationId" -> correlationId = uuid(parser, token);
                    case "replyTopic" -> replyTopic = text(parser, token);
                    case "replyPartition" -> replyPartition = partition(parser, token);
                    case "userId" -> userId = uuid(parser, token);
                    default -> {}
                }
            }
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (Exception e) { // not JSON, too deep, too long: nothing to read
            return null;
        }
        if (correlationId == null || replyTopic == null || replyPartition < 0) {
            return null;
        }
        if (userId == null && key != null && key.length <= LONGEST_ID) {
            userId = uuid(new String(key, StandardCharsets.UTF_8));
        }
        return new ReplyCoordinates(
                correlationId, replyTopic, (int) replyPartition, userId == null ? null : UserId.fromUuid(userId));
    }

    private static UUID uuid(JsonParser parser, JsonToken token) throws java.io.IOException {
        if (token != JsonToken.VALUE_STRING || parser.getTextLength() > LONGEST_ID) {
            return null;
        }
        return uuid(parser.getText());
    }

    /** A UUID spelled canonically or in upper case, in braces, after {@code urn:uuid:}, without dashes; or null. */
    static UUID uuid(String spelled) {
        String s = spelled.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("urn:uuid:")) {
            s = s.substring("urn:uuid:".length());
        }
        if (s.length() > 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
            s = s.substring(1, s.length() - 1);
        }
        if (s.length() == 32 && s.indexOf('-') < 0) {
            s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                    + "-" + s.substring(20);
        }
        return CanonicalUuid.parse(s);
    }

    private static String text(JsonParser parser, JsonToken token) throws java.io.IOException {
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = parser.getText();
        return text.isBlank() ? null : text;
    }

    /** 0 to 2^31-1 as an integer, a number without a fraction, or a string of digits; else -1. */
    private static long partition(JsonParser parser, JsonToken token) throws java.io.IOException {
        long value = -1;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            value = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
                    ? parser.getLongValue()
                    : -1;
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = parser.getDoubleValue();
            value = d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE ? (long) d : -1;
        } else if (token == JsonToken.VALUE_STRING) {
            String digits = parser.getText().strip();
            value = digits.matches("[0-9]{1,10}") ? Long.parseLong(digits) : -1;
        }
        return value >= 0 && value <= Integer.MAX_VALUE ? value : -1;
    }
}
