package dev.hermes.schemas;

/** Stable failure codes; callers branch on these, so never rename one. */
public enum FailureReason {
    HEALTH_TIMEOUT,
    SPAWN_ERROR,
    INVALID_REQUEST,
    OVERLOADED,
    DEADLINE_PASSED,
    SETTINGS_UNAVAILABLE,
    /** HERMES_ADMISSION=known-accounts and the family has no account: no container, no volume. */
    UNKNOWN_FAMILY
}
