package dev.hermes.ops.status;

import dev.hermes.schemas.HermesException;

/** A source of `status` (an engine, the last-active topic, the audit, the workers' group) could not be read. */
public final class StatusSourceFailedException extends HermesException {
    public StatusSourceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
