package dev.hermes.schemas;

/** Why a runtime stopped; stable codes for the audit log. */
public enum StopReason {
    IDLE,
    SETTINGS_RECREATE,
    ORPHAN,
    SHUTDOWN,
    HEALTH_TIMEOUT,
    FORGET,
    DIED,
    /** Recreated so that it boots with the family's new identity block (AccountUpdated). */
    ACCOUNT_UPDATED,
    /** Recreated from the new image its reference (HERMES_IMAGE) names now: a new build under the same tag. */
    IMAGE_ROLLOUT,
    /**
     * Stopped like an idle reap (volume kept) to make room for another family's cold start: the engine was at
     * HERMES_MAX_RUNTIMES and this was the least recently active runtime idle at least HERMES_EVICT_MIN_IDLE_SEC.
     */
    EVICTED,
    /**
     * Stopped and removed (volume kept) because its {@code /health} failed HERMES_LIVENESS_FAILURES checks in a row
     * after it had been ready: the agent hangs.
     */
    UNHEALTHY,
    /** It died after Docker reported it out of memory (an {@code oom} event); the exit code is given when known. */
    OOM_KILLED
}
