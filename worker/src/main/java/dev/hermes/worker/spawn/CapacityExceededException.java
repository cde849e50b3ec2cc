package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.time.Duration;

/**
 * The Docker engine runs HERMES_MAX_RUNTIMES runtimes and none of this worker's could be evicted (none idle for
 * HERMES_EVICT_MIN_IDLE_SEC): nothing was started or stopped. The worker answers RuntimeFailed CAPACITY with {@link
 * #retryAfter()}.
 */
public final class CapacityExceededException extends HermesException {
    private final Duration retryAfter;

    public CapacityExceededException(int bound, int running, Duration retryAfter) {
        super("the Docker engine runs " + running + " runtimes (HERMES_MAX_RUNTIMES=" + bound + ") and none of this "
                + "worker's has been idle long enough to be evicted; retry in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** When a retry may find room: the soonest time one of the worker's runtimes becomes evictable. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
