package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit: a runtime was stopped or removed. {@code userId} is null only for reason ORPHAN, where the
 * container's name was never a valid user id.
 *
 * @param exitCode the container's exit code when it died by itself (DIED, OOM_KILLED) and Docker told it; null
 *     otherwise (absent on the wire; records written before the field existed read as null too)
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
        boolean dataDeleted,
        Long exitCode)
        implements Event {

    /** A stop with no exit code (every stop the worker makes itself). */
    public RuntimeStopped(
            UUID eventId,
            Instant occurredAt,
            UserId userId,
            UUID causationId,
            String workerId,
            String containerName,
            StopReason reason,
            boolean removed,
            boolean dataDeleted) {
        this(eventId, occurredAt, userId, causationId, workerId, containerName, reason, removed, dataDeleted, null);
    }
}
