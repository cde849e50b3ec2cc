package dev.hermes.schemas.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.hermes.schemas.InvalidEventException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The top-level values of one record, by slot, as the parser met them: JSON null and absent are the same,
 * and a repeated name keeps its last value (as in a JSON tree). The typed getters check the JSON type and
 * name the field in every error. Reused record after record by one thread.
 */
final class RawFields {
    private final JsonNodeType[] kinds;
    /** Every string value's characters, one after the other; a slot keeps where its own start and end. */
    private char[] chars = new char[512];

    private int used;
    private final int[] from;
    private final int[] length;
    private final long[] integers;
    /** Values kept as trees: numbers beyond a long or with a fraction, objects and arrays (all invalid). */
    private final JsonNode[] trees;

    private final ObjectMapper treeReader;

    RawFields(int slots, ObjectMapper treeReader) {
        this.kinds = new JsonNodeType[slots];
        this.from = new int[slots];
        this.length = new int[slots];
        this.integers = new long[slots];
        this.trees = new JsonNode[slots];
        this.treeReader = treeReader;
    }

    void clear() {
        Arrays.fill(kinds, null);
        used = 0;
    }

    /** Keeps the value the parser is at (any token that starts a value) in {@code slot}. */
    void capture(int slot, JsonParser parser, JsonToken token) throws IOException {
        trees[slot] = null;
        switch (token) {
            case VALUE_STRING -> {
                kinds[slot] = JsonNodeType.STRING;
                int size = parser.getTextLength();
                if (used + size > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + size));
                }
                System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), chars, used, size);
                from[slot] = used;
                length[slot] = size;
                used += size;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                kinds[slot] = JsonNodeType.BOOLEAN;
                integers[slot] = token == JsonToken.VALUE_TRUE ? 1 : 0;
            }
            case VALUE_NULL -> kinds[slot] = null;
            case VALUE_NUMBER_INT -> {
                kinds[slot] = JsonNodeType.NUMBER;
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    integers[slot] = parser.getLongValue();
                } else {
                    trees[slot] = treeReader.readTree(parser);
                }
            }
            default -> {
                JsonNode tree = treeReader.readTree(parser);
                kinds[slot] = tree.getNodeType();
                trees[slot] = tree;
            }
        }
    }

    /** Present and not null. */
    boolean has(int slot) {
        return kinds[slot] != null;
    }

    JsonNodeType kind(int slot) {
        return kinds[slot];
    }

    private void require(int slot, String field) {
        if (kinds[slot] == null) {
            throw new InvalidEventException(field, "is required");
        }
    }

    /** A required non-empty string. */
    String text(int slot, String field) {
        checkText(slot, field);
        return string(slot);
    }

    /** Checks that {@code slot} holds a non-empty string, whose characters are then at {@link #from}. */
    void checkText(int slot, String field) {
        require(slot, field);
        if (kinds[slot] != JsonNodeType.STRING) {
            throw new InvalidEventException(field, "must be a string, got " + kinds[slot]);
        }
        if (length[slot] == 0) {
            throw new InvalidEventException(field, "must not be empty");
        }
    }

    /** The characters of every string value: the one in {@code slot} starts at {@link #from}. */
    char[] chars() {
        return chars;
    }

    int from(int slot) {
        return from[slot];
    }

    int length(int slot) {
        return length[slot];
    }

    /** The string value in {@code slot}. */
    String string(int slot) {
        return new String(chars, from[slot], length[slot]);
    }

    /** A required value of any JSON type, spelled as text: a string as it is, anything else as JSON. */
    String spelling(int slot, String field) {
        require(slot, field);
        return switch (kinds[slot]) {
            case STRING -> string(slot);
            case BOOLEAN -> integers[slot] == 1 ? "true" : "false";
            default -> trees[slot] != null ? trees[slot].toString() : Long.toString(integers[slot]);
        };
    }

    /** A required integer that a long holds. */
    long integer(int slot, String field) {
        require(slot, field);
        if (kinds[slot] != JsonNodeType.NUMBER || trees[slot] != null) {
            throw new InvalidEventException(field, "must be an integer, got " + kinds[slot]);
        }
        return integers[slot];
    }

    boolean bool(int slot, String field) {
        require(slot, field);
        if (kinds[slot] != JsonNodeType.BOOLEAN) {
            throw new InvalidEventException(field, "must be true or false, got " + kinds[slot]);
        }
        return integers[slot] == 1;
    }
}
