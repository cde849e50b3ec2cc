package dev.hermes.worker.lifecycle;

import java.time.Duration;

/**
 * When and how idle runtimes are reaped.
 *
 * @param idleTimeout RUNTIME_IDLE_SEC: idle longer than this is reaped (paused first when {@code pause})
 * @param removeOnReap remove the container rather than stop it (the volume stays either way)
 * @param maxConcurrentReaps how many reaps may run at once
 * @param pause RUNTIME_PAUSE: an idle runtime is paused first (memory kept) and stopped only after {@code stopAfter}
 * @param stopAfter RUNTIME_STOP_SEC: how long a runtime stays paused before it is stopped
 */
public record ReapPolicy(
        Duration idleTimeout, boolean removeOnReap, int maxConcurrentReaps, boolean pause, Duration stopAfter) {

    /** Idle runtimes are stopped at once, never paused. */
    public ReapPolicy(Duration idleTimeout, boolean removeOnReap, int maxConcurrentReaps) {
        this(idleTimeout, removeOnReap, maxConcurrentReaps, false, Duration.ZERO);
    }
}
