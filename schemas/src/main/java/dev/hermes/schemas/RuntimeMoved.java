package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit: a stopped family's volume was moved from one Docker host to another ({@code ops/hermes hosts move}): its data
 * was copied ({@code bytesCopied}, the archive's size) into a new volume on {@code toHost}, and its container and
 * volume on {@code fromHost} were removed. The family's next ensure starts it on {@code toHost}.
 *
 * @param requestedBy who asked for the move (the operator's name from family_moves), when known
 */
public record RuntimeMoved(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        String workerId,
        String containerName,
        String fromHost,
        String toHost,
        long bytesCopied,
        long durationMs,
        String requestedBy)
        implements Event {}
