package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** Audit: a container was created for the family. */
public record RuntimeSpawned(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        UUID causationId,
        String workerId,
        String containerName,
        String containerId,
        long settingsVersion,
        String configHash,
        long createMs)
        implements Event {}
