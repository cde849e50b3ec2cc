package dev.hermes.schemas.internal.scan;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads the wire forms the codec accepts straight from ASCII bytes: canonical lowercase UUIDs and UTC
 * timestamps ({@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}). They answer null when unsure (the caller then asks
 * the tree path), so they may be stricter than FieldReader (leap seconds) but never more lenient.
 */
final class CanonicalText {
    private static final byte[] HEX_VALUE = hexValues();
    private static final int[] NANOS_PER_DIGIT_PLACE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
            100, 10, 1};

    private CanonicalText() {
    }

    /** The UUID written as 8-4-4-4-12 lowercase hex at {@code b[from, from + length)}, or null. */
    static UUID uuid(byte[] b, int from, int length) {
        if (length != 36 || b[from + 8] != '-' || b[from + 13] != '-' || b[from + 18] != '-' || b[from + 23] != '-') {
            return null;
        }
        long high = hex(b, from, 8);
        long mid = hex(b, from + 9, 4);
        long low = hex(b, from + 14, 4);
        long clock = hex(b, from + 19, 4);
        long node = hex(b, from + 24, 12);
        if ((high | mid | low | clock | node) < 0) {
            return null;
        }
        return new UUID(high << 32 | mid << 16 | low, clock << 48 | node);
    }

    /** The instant at {@code b[from, from + length)}, or null if it is not plainly a valid UTC timestamp. */
    static Instant utcInstant(byte[] b, int from, int length, UtcDays days) {
        if (length < 20 || length > 30 || b[from + length - 1] != 'Z' || b[from + 4] != '-' || b[from + 7] != '-'
                || b[from + 10] != 'T' || b[from + 13] != ':' || b[from + 16] != ':') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if ((year | month | day) < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            int value = fraction < 1 || fraction > 9 || b[from + 19] != '.' ? -1 : digits(b, from + 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value * NANOS_PER_DIGIT_PLACE[fraction - 1];
        }
        long epochDay = days.epochDay(year, month, day);
        if (epochDay == UtcDays.INVALID) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Lowercase hex digits as a number, or -1. */
    private static long hex(byte[] b, int from, int count) {
        long value = 0;
        int invalid = 0;
        for (int k = from; k < from + count; k++) {
            int digit = HEX_VALUE[b[k] & 0xff];
            invalid |= digit;
            value = value << 4 | digit;
        }
        return invalid < 0 ? -1 : value;
    }

    /** The value of each lowercase hex digit's byte; -1 for every other byte. */
    private static byte[] hexValues() {
        byte[] values = new byte[256];
        Arrays.fill(values, (byte) -1);
        for (int d = 0; d < 16; d++) {
            values["0123456789abcdef".charAt(d)] = (byte) d;
        }
        return values;
    }

    /** Decimal digits as a number, or -1. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            int c = b[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
