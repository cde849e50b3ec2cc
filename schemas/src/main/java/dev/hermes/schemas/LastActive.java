package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * The newest activity of a family; the compacted last-active topic keeps one per user.
 *
 * @param host the name of the Docker host (of HERMES_DOCKER_HOSTS) the family's runtime is on; null (absent on the
 *     wire) with one engine, when the worker does not know it, and in records written before the field existed
 */
public record LastActive(
        UUID eventId, Instant occurredAt, UserId userId, Instant lastActiveAt, String source, String host)
        implements Event {

    /** An activity with no host (one engine, or the host is not known). */
    public LastActive(UUID eventId, Instant occurredAt, UserId userId, Instant lastActiveAt, String source) {
        this(eventId, occurredAt, userId, lastActiveAt, source, null);
    }
}
