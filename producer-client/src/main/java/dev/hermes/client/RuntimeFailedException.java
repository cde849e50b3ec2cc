package dev.hermes.client;

import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * The worker answered RuntimeFailed; {@link #reason()} is its stable code. An {@code INVALID_REQUEST} answer is the
 * subclass {@link InvalidRequestException}: see {@link #of}.
 */
public class RuntimeFailedException extends HermesException {
    private final transient RuntimeFailed failed;

    public RuntimeFailedException(RuntimeFailed failed) {
        this("runtime for user " + failed.userId() + " failed: " + failed.reason() + ": " + failed.message(), failed);
    }

    protected RuntimeFailedException(String message, RuntimeFailed failed) {
        super(message);
        this.failed = failed;
    }

    /** The exception that says what {@code failed} says: {@link InvalidRequestException} for INVALID_REQUEST. */
    public static RuntimeFailedException of(RuntimeFailed failed) {
        return failed.reason() == FailureReason.INVALID_REQUEST
                ? new InvalidRequestException(failed)
                : new RuntimeFailedException(failed);
    }

    public FailureReason reason() {
        return failed.reason();
    }

    /**
     * When trying again may succeed: given with {@link FailureReason#CAPACITY} (the engine is full and nothing of the
     * worker's was idle long enough to make room) and {@link FailureReason#CRASH_LOOP} (the family's runtime keeps
     * failing to become healthy; the worker tries again when its backoff expires) and {@link
     * FailureReason#HOST_UNAVAILABLE} (the worker's Docker engine did not answer before the deadline), empty for every
     * other reason.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(failed.retryAfterMs()).map(Duration::ofMillis);
    }

    public UserId userId() {
        return failed.userId();
    }

    public RuntimeFailed failed() {
        return failed;
    }
}
