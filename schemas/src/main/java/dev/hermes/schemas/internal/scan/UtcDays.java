package dev.hermes.schemas.internal.scan;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Days since the epoch of a calendar date, remembering the last date asked: events come in time order, so
 * nearly every timestamp falls on the date before it. Not thread-safe.
 */
final class UtcDays {
    static final long INVALID = Long.MIN_VALUE;
    private int lastDate = -1;
    private long lastEpochDay;

    /** The epoch day, or {@link #INVALID} for a date that does not exist (2026-02-30, month 13, ...). */
    long epochDay(int year, int month, int day) {
        int date = year * 10_000 + month * 100 + day;
        if (date == lastDate) {
            return lastEpochDay;
        }
        try {
            lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            lastDate = date;
            return lastEpochDay;
        } catch (DateTimeException e) {
            return INVALID;
        }
    }
}
