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
    IMAGE_ROLLOUT
}
