package dev.hermes.ops.status;

import java.util.Locale;

/** What a family's runtime is doing now, as `status` shows it. */
public enum RuntimeState {
    /** Its container runs. */
    RUNNING,
    /** Its container is paused (tiered idle): memory kept, no CPU. */
    PAUSED,
    /** It has no running container, and its last lifecycle event was not a failure. */
    STOPPED,
    /** It has no running container, and its last lifecycle event was a failure. */
    FAILED;

    /** The lower-case name, as printed and as taken by --state. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Docker's state of a family's existing container; {@code lastWasFailure} decides between stopped and failed. */
    static RuntimeState of(String dockerState, boolean lastWasFailure) {
        if ("running".equals(dockerState) || "restarting".equals(dockerState)) {
            return RUNNING;
        }
        if ("paused".equals(dockerState)) {
            return PAUSED;
        }
        return lastWasFailure ? FAILED : STOPPED;
    }
}
