package dev.hermes.client;

import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;

/** The worker answered RuntimeFailed; {@link #reason()} is its stable code. */
public final class RuntimeFailedException extends HermesException {
    private final transient RuntimeFailed failed;

    public RuntimeFailedException(RuntimeFailed failed) {
        super("runtime for user " + failed.userId() + " failed: " + failed.reason() + ": " + failed.message());
        this.failed = failed;
    }

    public FailureReason reason() {
        return failed.reason();
    }

    public UserId userId() {
        return failed.userId();
    }

    public RuntimeFailed failed() {
        return failed;
    }
}
