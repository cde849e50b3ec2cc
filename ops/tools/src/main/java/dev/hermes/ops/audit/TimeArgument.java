package dev.hermes.ops.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the T of {@code --since T} / {@code --until T}: an ISO-8601 instant ({@code 2026-11-20T00:00:00Z},
 * an offset such as {@code +01:00} is allowed), a date ({@code 2026-11-20}, UTC midnight) or a duration
 * before now ({@code 30s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}).
 */
public final class TimeArgument {
    private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,9})([smhdw])$");
    private final Clock clock;

    public TimeArgument(Clock clock) {
        this.clock = clock;
    }

    /** Throws IllegalArgumentException with an example of every accepted form. */
    public Instant parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher relative = RELATIVE.matcher(t);
        if (relative.matches()) {
            return clock.instant().minus(durationOf(Long.parseLong(relative.group(1)), relative.group(2)));
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase());
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read time '" + text + "'; use an instant such as "
                    + "2026-11-20T00:00:00Z, a date such as 2026-11-20 (UTC midnight) or a duration ago such as "
                    + "30m, 24h, 7d");
        }
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 2h}; throws IllegalArgumentException otherwise. */
    public static Duration duration(String text) {
        Matcher m = RELATIVE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "cannot read duration '" + text + "'; use a number and a unit such as " + "30s, 10m, 2h");
        }
        return durationOf(Long.parseLong(m.group(1)), m.group(2));
    }

    private static Duration durationOf(long amount, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
