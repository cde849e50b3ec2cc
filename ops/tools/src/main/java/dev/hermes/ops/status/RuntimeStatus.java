package dev.hermes.ops.status;

import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of `status`: a family's runtime as the engines, the last-active topic, the audit and the workers'
 * consumer group see it. Fields nothing knows are null.
 *
 * @param host the engine its container is on ({@code hermes.host} label, else {@code local}); null without one
 * @param worker the worker that owns the family's partition now ({@code workerId@host}); null when none does
 * @param settingsVersion its container's settings version, else the last one the audit names
 * @param uptime since its container was created, for a running or paused one
 * @param lastFailure the reason code of its latest failure (RuntimeFailed, or a stop such as DIED or UNHEALTHY)
 */
public record RuntimeStatus(
        UserId user,
        RuntimeState state,
        String host,
        String worker,
        Instant lastActive,
        Long settingsVersion,
        Duration uptime,
        String lastFailure,
        Instant lastFailureAt) {}
