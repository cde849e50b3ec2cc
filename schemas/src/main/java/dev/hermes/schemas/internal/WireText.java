package dev.hermes.schemas.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes UUIDs and instants into a char buffer exactly as {@link UUID#toString()} and {@link Instant#toString()}
 * spell them, without making a String: an encode writes several per event, and Instant.toString alone costs
 * more than the rest of the encoding.
 */
final class WireText {
    /** Enough for a UUID (36) and for an instant in years 0000 to 9999 (at most 30). */
    static final int MAX_LENGTH = 36;
    private static final long FIRST_SECOND_OF_0000 = -62_167_219_200L;
    private static final long FIRST_SECOND_OF_10000 = 253_402_300_800L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private WireText() {
    }

    /** Writes the 8-4-4-4-12 lowercase form at the start of {@code into}; returns 36. */
    static int uuid(UUID id, char[] into) {
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
        return 36;
    }

    /**
     * Writes {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z} at the start of {@code into} and returns its length, or
     * returns -1 outside the years 0000 to 9999, where Instant.toString adds a sign (the caller uses it then).
     */
    static int instant(Instant instant, char[] into) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_0000 || seconds >= FIRST_SECOND_OF_10000) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        decimal(date.getYear(), 4, into, 0);
        into[4] = '-';
        decimal(date.getMonthValue(), 2, into, 5);
        into[7] = '-';
        decimal(date.getDayOfMonth(), 2, into, 8);
        into[10] = 'T';
        decimal(secondOfDay / 3600, 2, into, 11);
        into[13] = ':';
        decimal(secondOfDay / 60 % 60, 2, into, 14);
        into[16] = ':';
        decimal(secondOfDay % 60, 2, into, 17);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos > 0) { // in groups of three digits, as few groups as the value needs
            into[length++] = '.';
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            decimal(nanos / POWERS_OF_TEN[9 - digits], digits, into, length);
            length += digits;
        }
        into[length++] = 'Z';
        return length;
    }

    private static void hex(long value, int digits, char[] into, int at) {
        for (int k = at + digits - 1; k >= at; k--) {
            into[k] = HEX[(int) value & 0xf];
            value >>>= 4;
        }
    }

    private static void decimal(int value, int digits, char[] into, int at) {
        for (int k = at + digits - 1; k >= at; k--) {
            into[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
