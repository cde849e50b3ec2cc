package dev.hermes.worker.spawn;

/**
 * When {@link HealthProbe} asks {@code /health} again: every {@code fastMs} during the first {@code fastWindowMs}
 * after the container started (the stand-in answers 10-30 ms after start, the raw baseline polls every 5 ms, and a
 * 25 ms first interval cost a cold start up to 25 ms), then backing off by doubling from {@code slowStartMs} up to
 * {@code maxMs}, so a slow agent does not cost a storm of requests.
 */
record HealthPollSchedule(long fastMs, long fastWindowMs, long slowStartMs, long maxMs) {

    static final HealthPollSchedule DEFAULT = new HealthPollSchedule(3, 100, 25, 100);
    /** A thawed agent answers within a few ms (raw unpause + first /health 200 was 22-28 ms on the stand-in). */
    static final HealthPollSchedule RESUME = new HealthPollSchedule(2, 100, 20, 20);

    HealthPollSchedule {
        if (fastMs < 1 || fastWindowMs < 0 || slowStartMs < fastMs || maxMs < slowStartMs) {
            throw new IllegalArgumentException("a health poll schedule needs 1 <= fast <= slowStart <= max, got "
                    + fastMs + "/" + fastWindowMs + "/" + slowStartMs + "/" + maxMs);
        }
    }

    /**
     * How long to wait before the next probe.
     *
     * @param elapsedMs since the wait began (just after the container started)
     * @param previousMs the previous pause, or 0 before the first one
     */
    long nextPauseMs(long elapsedMs, long previousMs) {
        if (elapsedMs < fastWindowMs) {
            return Math.min(fastMs, fastWindowMs - elapsedMs);
        }
        return previousMs < slowStartMs ? slowStartMs : Math.min(previousMs * 2, maxMs);
    }
}
