package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** A paired device says the family is around: record activity and keep the runtime warm. */
public record Heartbeat(UUID eventId, Instant occurredAt, UserId userId, String deviceId, String source)
        implements Event {}
