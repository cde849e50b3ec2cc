package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit: a runtime was stopped or removed. {@code userId} is null only for reason ORPHAN, where the
 * container's name was never a valid user id.
 */
public record RuntimeStopped(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID causationId,
        String workerId,
        String containerName,
        StopReason reason,
        boolean removed,
        boolean dataDeleted)
        implements Event {}
