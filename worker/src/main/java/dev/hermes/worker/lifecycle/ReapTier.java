package dev.hermes.worker.lifecycle;

import java.time.Instant;

/**
 * Tiered idle, the pure decision: a running runtime idle longer than RUNTIME_IDLE_SEC is paused (or stopped at once
 * when RUNTIME_PAUSE is off); a paused one is stopped once it has been paused RUNTIME_STOP_SEC. A paused runtime whose
 * pause time this worker does not know (it found it paused after a rebalance) counts as paused from the moment it
 * became idle enough to be.
 */
public enum ReapTier {
    KEEP,
    PAUSE,
    STOP;

    /**
     * @param paused whether its container is paused now
     * @param lastActive when its family was last active
     * @param pausedAt when this worker paused it, or null if unknown
     */
    public static ReapTier of(boolean paused, Instant lastActive, Instant pausedAt, Instant now, ReapPolicy policy) {
        Instant idleEnough = lastActive.plus(policy.idleTimeout());
        if (!paused) {
            if (!idleEnough.isBefore(now)) {
                return KEEP;
            }
            return policy.pause() ? PAUSE : STOP;
        }
        if (!policy.pause()) {
            return idleEnough.isBefore(now) ? STOP : KEEP;
        }
        Instant since = pausedAt != null ? pausedAt : idleEnough;
        return since.plus(policy.stopAfter()).isAfter(now) ? KEEP : STOP;
    }
}
