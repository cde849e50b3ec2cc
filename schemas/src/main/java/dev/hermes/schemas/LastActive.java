package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** The newest activity of a family; the compacted last-active topic keeps one per user. */
public record LastActive(UUID eventId, Instant occurredAt, UserId userId, Instant lastActiveAt, String source)
        implements Event {}
