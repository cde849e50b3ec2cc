package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.time.Duration;

/**
 * The Docker engine did not answer, and did not answer again before the ensure's wait ran out (its deadline less a
 * margin, at most HERMES_DOCKER_WAIT_SEC): nothing was spawned. The worker answers RuntimeFailed HOST_UNAVAILABLE with
 * {@link #retryAfter()}.
 */
public final class HostUnavailableException extends HermesException {
    private final Duration retryAfter;

    public HostUnavailableException(String why, Duration retryAfter) {
        super(why + "; retry in " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
