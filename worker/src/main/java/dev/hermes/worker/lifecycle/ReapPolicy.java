package dev.hermes.worker.lifecycle;

import java.time.Duration;

/**
 * When and how idle runtimes are reaped.
 *
 * @param idleTimeout RUNTIME_IDLE_SEC: idle longer than this is reaped
 * @param removeOnReap remove the container rather than stop it (the volume stays either way)
 * @param maxConcurrentReaps how many reaps may run at once
 */
public record ReapPolicy(Duration idleTimeout, boolean removeOnReap, int maxConcurrentReaps) {}
