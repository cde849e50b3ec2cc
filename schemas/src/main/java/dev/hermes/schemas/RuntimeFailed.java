package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** The runtime could not be made ready; {@code reason} is a stable code from {@link FailureReason}. */
public record RuntimeFailed(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        FailureReason reason,
        String message,
        String workerId,
        UUID causationId)
        implements Event {}
