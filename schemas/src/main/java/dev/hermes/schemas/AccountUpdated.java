package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * A caller (or {@code ops/hermes account set}) says who a family is: the identity the seed writes into the
 * family's MEMORY.md on every boot. Published on the compacted accounts topic, keyed by the user id; the
 * newest {@code occurredAt} wins. Every text is bounded and single-line, except {@code notes}, which may hold
 * newlines; the bounds are checked here, so a Java producer cannot build one the workers would reject.
 *
 * @param members who is in the family, free text (for example "Ada, Bob")
 * @param timezone an IANA zone such as Europe/Berlin (not checked against the zone database)
 * @param locale a BCP 47 tag such as de-DE
 * @param changedBy who set it (service or admin), for the audit trail
 */
public record AccountUpdated(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        String displayName,
        String members,
        String timezone,
        String locale,
        String notes,
        String changedBy)
        implements Event {
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_MEMBERS = 1000;
    public static final int MAX_TIMEZONE = 64;
    public static final int MAX_LOCALE = 35;
    public static final int MAX_NOTES = 4096;
    public static final int MAX_CHANGED_BY = 200;

    public AccountUpdated {
        checkLine("displayName", displayName, MAX_DISPLAY_NAME);
        checkLine("members", members, MAX_MEMBERS);
        checkLine("timezone", timezone, MAX_TIMEZONE);
        checkLine("locale", locale, MAX_LOCALE);
        check("notes", notes, MAX_NOTES, true);
        checkLine("changedBy", changedBy, MAX_CHANGED_BY);
    }

    private static void checkLine(String field, String value, int max) {
        check(field, value, max, false);
    }

    /** Lengths count code points, as JSON Schema's maxLength does. */
    private static void check(String field, String value, int max, boolean newlines) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidEventException(field, "is too long: " + length + " characters, at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(newlines && c == '\n')) {
                throw new InvalidEventException(
                        field,
                        String.format(
                                "must not hold control characters%s, found U+%04X at %d",
                                newlines ? " other than a newline" : "", (int) c, i));
            }
        }
    }
}
