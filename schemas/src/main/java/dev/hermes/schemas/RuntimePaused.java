package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit: an idle runtime was paused (tiered idle, RUNTIME_PAUSE): its memory is kept, it uses no CPU and its
 * scheduled jobs do not run until an ensure or a heartbeat resumes it (RuntimeResumed) or it is stopped.
 */
public record RuntimePaused(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID causationId,
        String workerId,
        String containerName,
        String containerId,
        long idleMs)
        implements Event {}
