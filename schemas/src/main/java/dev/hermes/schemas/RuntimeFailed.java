package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * The runtime could not be made ready; {@code reason} is a stable code from {@link FailureReason}.
 *
 * @param retryAfterMs when the caller may usefully try again, in milliseconds from {@code occurredAt}; only {@link
 *     FailureReason#CAPACITY}, {@link FailureReason#CRASH_LOOP} and {@link FailureReason#HOST_UNAVAILABLE} give one, otherwise null (absent on the wire; records written before the field existed
 *     read as null too)
 */
public record RuntimeFailed(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        FailureReason reason,
        String message,
        String workerId,
        UUID causationId,
        Long retryAfterMs)
        implements Event {

    /** A failure with no retry-after hint (every reason but CAPACITY, CRASH_LOOP and HOST_UNAVAILABLE). */
    public RuntimeFailed(
            UUID eventId,
            Instant occurredAt,
            UserId userId,
            UUID correlationId,
            FailureReason reason,
            String message,
            String workerId,
            UUID causationId) {
        this(eventId, occurredAt, userId, correlationId, reason, message, workerId, causationId, null);
    }
}
