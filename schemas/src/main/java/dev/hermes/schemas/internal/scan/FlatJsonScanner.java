package dev.hermes.schemas.internal.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the plain case of a record straight from its bytes: one flat JSON object whose values are ASCII
 * strings without escapes, integers that fit a long, booleans or null, and nothing after it but whitespace.
 * Anything else (escapes, non-ASCII, fractions, nested values, malformed JSON) throws {@link Unsure}, so the
 * tree codec decides. Strict JSON: no leading zeros, no trailing commas.
 */
final class FlatJsonScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private final byte[] b;
    private final ScannedFields into;
    private int i;

    private FlatJsonScanner(byte[] bytes, ScannedFields into) {
        this.b = bytes;
        this.into = into;
    }

    static void scan(byte[] bytes, ScannedFields into) {
        new FlatJsonScanner(bytes, into).object();
    }

    private void object() {
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                expect('"');
                int nameFrom = i;
                Field field = into.fieldNamed(nameFrom, stringLength());
                skipWhitespace();
                expect(':');
                skipWhitespace();
                value(field);
                skipWhitespace();
                byte next = next();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw new Unsure();
                }
                skipWhitespace();
            }
        }
        skipWhitespace();
        if (i != b.length) {
            throw new Unsure();
        }
    }

    /** Reads one value; stores it when {@code field} is one some type reads (null: skip it). */
    private void value(Field field) {
        byte c = peek();
        if (c == '"') {
            i++;
            int from = i;
            int length = stringLength();
            if (field != null) {
                into.text(field, from, length);
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            long number = integer();
            if (field != null) {
                into.integer(field, number);
            }
        } else if (matches("true")) {
            bool(field, true);
        } else if (matches("false")) {
            bool(field, false);
        } else if (matches("null")) {
            endOfValue();
            if (field != null) {
                into.absent(field);
            }
        } else {
            throw new Unsure();
        }
    }

    private void bool(Field field, boolean value) {
        endOfValue();
        if (field != null) {
            into.bool(field, value);
        }
    }

    /** Length of the string whose opening quote was just read; moves past the closing quote. */
    private int stringLength() {
        byte[] bytes = b;
        int from = i;
        int k = from;
        for (; k + 8 <= bytes.length; k += 8) { // eight characters at once
            int special = PlainBytes.firstSpecial((long) LONGS.get(bytes, k));
            if (special < 8) {
                return endOfString(from, k + special);
            }
        }
        for (; k < bytes.length; k++) {
            byte c = bytes[k];
            if (c == '"' || c == '\\' || c < 0x20) { // bytes >= 0x80 are negative here
                return endOfString(from, k);
            }
        }
        throw new Unsure();
    }

    /** The string ends at the first special byte if that is a quote; escapes, controls and non-ASCII: unsure. */
    private int endOfString(int from, int special) {
        if (b[special] != '"') {
            throw new Unsure();
        }
        i = special + 1;
        return special - from;
    }

    private long integer() {
        byte[] bytes = b;
        int k = i;
        boolean negative = bytes[k] == '-';
        if (negative) {
            k++;
        }
        int from = k;
        long value = 0;
        while (k < bytes.length && bytes[k] >= '0' && bytes[k] <= '9') {
            int digit = bytes[k++] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw new Unsure(); // beyond a long: the tree has a BigInteger, which no field accepts
            }
            value = value * 10 + digit;
        }
        int digits = k - from;
        if (digits == 0 || (digits > 1 && bytes[from] == '0')) {
            throw new Unsure();
        }
        i = k;
        endOfValue();
        return negative ? -value : value;
    }

    private boolean matches(String word) {
        if (i + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return true;
    }

    /** A number or literal must be followed by whitespace, ',' or '}' (not '.', 'e', letters...). */
    private void endOfValue() {
        byte c = peek();
        if (c != ',' && c != '}' && !isWhitespace(c)) {
            throw new Unsure();
        }
    }

    private void skipWhitespace() {
        byte[] bytes = b;
        int k = i;
        while (k < bytes.length && isWhitespace(bytes[k])) {
            k++;
        }
        i = k;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void expect(char c) {
        if (next() != c) {
            throw new Unsure();
        }
    }

    private byte peek() {
        if (i >= b.length) {
            throw new Unsure();
        }
        return b[i];
    }

    private byte next() {
        byte c = peek();
        i++;
        return c;
    }
}
