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

    private CanonicalUuid() {}

    /** The UUID spelled by {@code text}, or null unless it is spelled canonically. */
    public static UUID parse(String text) {
        return text == null || text.length() != LENGTH ? null : parse(text.toCharArray(), 0, LENGTH);
    }

    /** The UUID spelled by {@code chars[from, from + length)}, or null unless it is spelled canonically. */
    public static UUID parse(char[] chars, int from, int length) {
        if (length != LENGTH
                || chars[from + 8] != '-'
                || chars[from + 13] != '-'
                || chars[from + 18] != '-'
                || chars[from + 23] != '-') {
            return null;
        }
        long a = hex4(chars, from);
        long b = hex4(chars, from + 4);
        long c = hex4(chars, from + 9);
        long d = hex4(chars, from + 14);
        long e = hex4(chars, from + 19);
        long f = hex4(chars, from + 24);
        long g = hex4(chars, from + 28);
        long h = hex4(chars, from + 32);
        if ((a | b | c | d | e | f | g | h) < 0) {
            return null;
        }
        return new UUID(a << 48 | b << 32 | c << 16 | d, e << 48 | f << 32 | g << 16 | h);
    }

    /** Four lowercase hex digits as a number, or a negative number if any is not one. */
    private static long hex4(char[] chars, int at) {
        return nibble(chars[at]) << 12
                | nibble(chars[at + 1]) << 8
                | nibble(chars[at + 2]) << 4
                | nibble(chars[at + 3]);
    }

    private static int nibble(char c) {
        return c < HEX_VALUE.length ? HEX_VALUE[c] : -1;
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
