package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** Audit: a running runtime was replaced to pick up {@code settingsVersion}. */
public record RuntimeRecreated(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID causationId,
        String workerId,
        String containerName,
        long fromSettingsVersion,
        long settingsVersion,
        long durationMs)
        implements Event {}
