package dev.hermes.schemas.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The one spelling of a timestamp on the wire: {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, UTC. Read strictly
 * (a real calendar date, hour 00-23, minute 00-59, second 00-59, or 60 where Instant.parse takes a leap
 * second) and written as {@link Instant#toString()} spells it, without the formatter, which costs more
 * than the rest of an encode.
 */
final class UtcTimestamp {
    /** Enough for an instant in the years 0000 to 9999. */
    static final int MAX_LENGTH = 30;

    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final long FIRST_SECOND_OF_0000 = -62_167_219_200L;
    private static final long FIRST_SECOND_OF_10000 = 253_402_300_800L;
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private UtcTimestamp() {}

    /** The instant {@code c[at, at + length)} spells, or null unless it is a valid UTC timestamp as above. */
    static Instant parse(char[] c, int at, int length) {
        if (length < 20
                || length > MAX_LENGTH
                || c[at + 4] != '-'
                || c[at + 7] != '-'
                || c[at + 10] != 'T'
                || c[at + 13] != ':'
                || c[at + 16] != ':'
                || c[at + length - 1] != 'Z') {
            return null;
        }
        int century = twoDigits(c, at);
        int yearOfCentury = twoDigits(c, at + 2);
        int month = twoDigits(c, at + 5);
        int day = twoDigits(c, at + 8);
        int hour = twoDigits(c, at + 11);
        int minute = twoDigits(c, at + 14);
        int second = twoDigits(c, at + 17);
        if ((century | yearOfCentury | month | day | hour | minute | second) < 0
                || hour > 23
                || minute > 59
                || second > 60) {
            return null;
        }
        int year = century * 100 + yearOfCentury;
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            int value = fraction < 1 || c[at + 19] != '.' ? -1 : digits(c, at + 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value * NANOS_PER_DIGIT[fraction - 1];
        }
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null; // 2026-02-30, month 13, ...
        }
        if (second == 60) { // a leap second: only 23:59:60, read as Instant.parse reads it
            try {
                return Instant.parse(new String(c, at, length));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** LocalDate.toEpochDay for a valid date of a year from 0000 to 9999, without making the LocalDate. */
    private static long epochDay(int year, int month, int day) {
        long days = 365L * year
                + (year + 3) / 4
                - (year + 99) / 100
                + (year + 399) / 400
                + (367 * month - 362) / 12
                + day
                - 1;
        if (month > 2) {
            days -= Year.isLeap(year) ? 1 : 2;
        }
        return days - DAYS_0000_TO_1970;
    }

    /**
     * Writes {@code instant} as Instant.toString spells it at the start of {@code into} and returns its
     * length, or returns -1 outside the years 0000 to 9999, where Instant.toString adds a sign.
     */
    static int write(Instant instant, char[] into) {
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

    /** Two ASCII decimal digits as a number, or a negative number. */
    private static int twoDigits(char[] chars, int at) {
        int tens = chars[at] - '0';
        int ones = chars[at + 1] - '0';
        return (tens | ones | 9 - tens | 9 - ones) < 0 ? -1 : tens * 10 + ones;
    }

    /** ASCII decimal digits as a number, or -1. */
    private static int digits(char[] chars, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = chars[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void decimal(int value, int digits, char[] into, int at) {
        for (int k = at + digits - 1; k >= at; k--) {
            into[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
