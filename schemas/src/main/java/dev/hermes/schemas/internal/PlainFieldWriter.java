package dev.hermes.schemas.internal;

import java.util.Arrays;

/**
 * Fields straight into bytes, for events whose strings are all printable ASCII without quotes or
 * backslashes (ids, timestamps, URLs, names: nearly every event). Such text needs no escaping, so the
 * bytes are exactly what Jackson writes. Any other string throws {@link NotPlain} and the caller encodes
 * the event with {@link GeneratorFieldWriter} instead.
 */
public final class PlainFieldWriter extends FieldWriter {
    private byte[] bytes = new byte[256];
    private int length;

    /** Thrown for a string that needs escaping or is not ASCII. Carries no stack trace. */
    public static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    public PlainFieldWriter() {
        bytes[length++] = '{';
    }

    /** Closes the object and returns its bytes. */
    public byte[] finish() {
        room(1);
        bytes[length++] = '}';
        return Arrays.copyOf(bytes, length);
    }

    @Override
    protected void string(String field, String value) {
        name(field);
        int n = value.length();
        room(n + 2);
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new NotPlain();
            }
            bytes[length++] = (byte) c;
        }
        bytes[length++] = '"';
    }

    @Override
    protected void number(String field, long value) {
        name(field);
        String digits = Long.toString(value);
        room(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            bytes[length++] = (byte) digits.charAt(i);
        }
    }

    @Override
    protected void bool(String field, boolean value) {
        name(field);
        String literal = value ? "true" : "false";
        room(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            bytes[length++] = (byte) literal.charAt(i);
        }
    }

    @Override
    protected void ascii(String field, char[] chars, int n) {
        name(field);
        room(n + 2);
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) chars[i];
        }
        bytes[length++] = '"';
    }

    /** {@code ,"field":} (no comma before the first); field names are plain ASCII constants. */
    private void name(String field) {
        int n = field.length();
        room(n + 4);
        if (length > 1) {
            bytes[length++] = ',';
        }
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) field.charAt(i);
        }
        bytes[length++] = '"';
        bytes[length++] = ':';
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
