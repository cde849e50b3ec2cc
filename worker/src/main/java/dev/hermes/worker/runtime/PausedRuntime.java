package dev.hermes.worker.runtime;

import java.time.Instant;

/**
 * A family's runtime whose container is paused (tiered idle): it keeps its memory and port but answers nothing
 * until it is unpaused.
 *
 * @param pausedAt when it was paused, as this worker knows it (for one found paused after a rebalance: when found)
 */
public record PausedRuntime(Runtime runtime, Instant pausedAt) {}
