package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * The runtime answers {@code /health}. Sent as the reply to a RuntimeRequested and, with the same
 * content, to the audit topic. Phase timings are milliseconds and zero on a warm answer.
 */
public record RuntimeReady(
        UUID eventId,
        Instant occurredAt,
        UserId userId,
        UUID correlationId,
        String url,
        String containerName,
        long settingsVersion,
        boolean coldStart,
        long createMs,
        long startMs,
        long healthMs,
        long totalMs,
        String workerId,
        UUID causationId)
        implements Event {}
