package dev.hermes.client;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.UUID;

/** No answer came before the caller's deadline. */
public final class EnsureTimeoutException extends HermesException {
    private final UserId userId;
    private final Duration waited;
    private final UUID correlationId;

    public EnsureTimeoutException(UserId userId, Duration waited, UUID correlationId) {
        super("no answer for user " + userId + " after waiting " + waited.toMillis() + " ms (correlationId "
                + correlationId + ")");
        this.userId = userId;
        this.waited = waited;
        this.correlationId = correlationId;
    }

    public UserId userId() {
        return userId;
    }

    public Duration waited() {
        return waited;
    }

    /** The request's correlation id: its answer, if one comes after all, carries it. */
    public UUID correlationId() {
        return correlationId;
    }
}
