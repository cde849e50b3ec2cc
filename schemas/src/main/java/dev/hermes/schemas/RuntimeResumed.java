package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit: a paused runtime was unpaused and answered {@code /health} 200 after {@code resumeMs}; the ensure it answered
 * ({@code correlationId}, absent for a heartbeat) was not a cold start.
 */
public record RuntimeResumed(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        UUID causationId,
        String workerId,
        String containerName,
        String containerId,
        long resumeMs,
        long pausedMs)
        implements Event {}
