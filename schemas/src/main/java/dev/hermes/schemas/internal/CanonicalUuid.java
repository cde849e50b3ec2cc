package dev.hermes.schemas.internal;

import java.util.UUID;

/**
 * The one spelling of a UUID on the wire: 8-4-4-4-12 lowercase hex, as {@link UUID#toString()} writes it.
 * Ids, correlation ids and user ids are all read and written here, so every reader agrees on what is
 * canonical. (UUID.fromString is too lenient: it takes "1-1-1-1-1", uppercase and non-ASCII digits.)
 */
public final class CanonicalUuid {
    public static final int LENGTH = 36;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] HEX_VALUE = hexValues();

    private CanonicalUuid() {
    }

    /** The UUID spelled by {@code text}, or null unless it is spelled canonically. */
    public static UUID parse(String text) {
        return text == null || text.length() != LENGTH ? null : parse(text.toCharArray(), 0, LENGTH);
    }

    /** The UUID spelled by {@code chars[from, from + length)}, or null unless it is spelled canonically. */
    public static UUID parse(char[] chars, int from, int length) {
        if (length != LENGTH || chars[from + 8] != '-' || chars[from + 13] != '-' || chars[from + 18] != '-'
                || chars[from + 23] != '-') {
            return null;
        }
        long time = hex(chars, from, 8);
        long mid = hex(chars, from + 9, 4);
        long version = hex(chars, from + 14, 4);
        long clock = hex(chars, from + 19, 4);
        long node = hex(chars, from + 24, 12);
        if ((time | mid | version | clock | node) < 0) {
            return null;
        }
        return new UUID(time << 32 | mid << 16 | version, clock << 48 | node);
    }

    /** {@code count} (at most 15) lowercase hex digits as a number, or -1 if any is not one. */
    private static long hex(char[] chars, int from, int count) {
        long value = 0;
        int invalid = 0;
        for (int k = from; k < from + count; k++) {
            char c = chars[k];
            int digit = c < HEX_VALUE.length ? HEX_VALUE[c] : -1;
            invalid |= digit;
            value = value << 4 | (digit & 0xf);
        }
        return invalid < 0 ? -1 : value;
    }

    /** The value of each lowercase hex digit, by character; -1 for every other ASCII character. */
    private static byte[] hexValues() {
        byte[] values = new byte[128];
        java.util.Arrays.fill(values, (byte) -1);
        for (int d = 0; d < 16; d++) {
            values[HEX[d]] = (byte) d;
        }
        return values;
    }

    /** Spells {@code id} at the start of {@code into} (at least 36 chars) without making a String; returns 36. */
    public static int write(UUID id, char[] into) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        hex(high >>> 32, 8, into, 0);
        into[8] = '-';
        hex(high >>> 16, 4, into, 9);
        into[13] = '-';
        hex(high, 4, into, 14);
        into[18] = '-';
        hex(low >>> 48, 4, into, 19);
        into[23] = '-';
        hex(low, 12, into, 24);
        return LENGTH;
    }

    private static void hex(long value, int digits, char[] into, int at) {
        for (int k = at + digits - 1; k >= at; k--) {
            into[k] = HEX[(int) value & 0xf];
            value >>>= 4;
        }
    }
}
