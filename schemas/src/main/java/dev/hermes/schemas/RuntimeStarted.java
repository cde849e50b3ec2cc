package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** Audit: a container was started; {@code adopted} when it existed before this worker touched it. */
public record RuntimeStarted(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        UUID causationId,
        String workerId,
        String containerName,
        String containerId,
        boolean adopted,
        long startMs)
        implements Event {}
