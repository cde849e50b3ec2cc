package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import java.time.Duration;

/**
 * The family's runtime failed to become healthy too many times in a row and its backoff has not expired: the ensure
 * was refused at once, with no Docker call. The worker answers RuntimeFailed CRASH_LOOP with {@link #retryAfter()}.
 */
public final class CrashLoopException extends HermesException {
    private final Duration retryAfter;

    public CrashLoopException(UserId user, int failures, Duration retryAfter) {
        super("the runtime of " + user + " failed to become healthy " + failures + " times in a row; no new try for "
                + retryAfter.toMillis() + " ms (crash-loop backoff)");
        this.retryAfter = retryAfter;
    }

    /** The time left of the family's backoff: when the worker makes its next try. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
