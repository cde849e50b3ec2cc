package dev.hermes.schemas;

/**
 * Stable failure codes; callers branch on these, so never rename one. Each is sent: a code nobody sends is removed
 * (OVERLOADED was: backpressure pauses a partition, it never rejects a request).
 */
public enum FailureReason {
    /** The runtime did not answer GET /health with 200 in time (reply and audit). */
    HEALTH_TIMEOUT,
    /** Docker could not create or start the runtime, or anything else went wrong (reply and audit). */
    SPAWN_ERROR,
    /** The request could not be read: its message names the field (reply only; the record is in the DLQ). */
    INVALID_REQUEST,
    /** A replayed request whose deadline passed longer ago than the stale bound was not ensured (audit only). */
    DEADLINE_PASSED,
    /** The global settings could not be read from the database (reply and audit). */
    SETTINGS_UNAVAILABLE,
    /** HERMES_ADMISSION=known-accounts and the family has no account: no container, no volume. */
    UNKNOWN_FAMILY,
    /**
     * A container or volume of the family's name on this Docker engine belongs to another fleet (its hermes.fleet
     * label differs, or it is managed and has none); the worker touched nothing (reply and audit).
     */
    FLEET_CONFLICT,
    /**
     * The Docker engine runs HERMES_MAX_RUNTIMES runtimes and none of this worker's is idle long enough to be evicted:
     * nothing was spawned or stopped; {@code retryAfterMs} says when to try again (reply and audit).
     */
    CAPACITY,
    /**
     * The family's runtime failed to become healthy HERMES_CRASH_LOOP_AFTER times in a row: until its backoff expires
     * the worker answers at once and makes no Docker call; {@code retryAfterMs} says when it tries again (reply and
     * audit; the audit also gets one with no correlationId each time the family enters the backoff).
     */
    CRASH_LOOP,
    /**
     * The worker's host cannot serve the request now (for now: its Docker engine does not answer); a cold ensure waited
     * for it up to HERMES_DOCKER_WAIT_SEC and its deadline, and nothing was spawned. {@code retryAfterMs} says when to
     * try again (reply and audit).
     */
    HOST_UNAVAILABLE
}
