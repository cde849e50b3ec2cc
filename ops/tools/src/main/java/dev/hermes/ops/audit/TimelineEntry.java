package dev.hermes.ops.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a user's timeline. Fields an event type does not have are null. {@code settingsVersion} is
 * taken from the event when it carries one (RuntimeSpawned, RuntimeReady, RuntimeRecreated) and otherwise
 * inferred from the user's other events ({@code settingsVersionInferred}); likewise a missing
 * {@code correlationId} is filled from another event of the same cause ({@code correlationIdInferred}).
 */
public record TimelineEntry(
        Instant occurredAt,
        String type,
        UUID eventId,
        String reason,
        Boolean coldStart,
        Boolean adopted,
        Long settingsVersion,
        boolean settingsVersionInferred,
        Long fromSettingsVersion,
        Long createMs,
        Long startMs,
        Long healthMs,
        Long totalMs,
        Long durationMs,
        UUID correlationId,
        boolean correlationIdInferred,
        UUID causationId,
        String workerId,
        String containerName,
        String message) {}
