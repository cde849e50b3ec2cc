package dev.hermes.client;

import dev.hermes.schemas.HermesException;

/** The {@link RuntimeClient} was closed before the call got its answer, or the call came after it was closed. */
public final class RuntimeClientClosedException extends HermesException {
    public RuntimeClientClosedException(String message) {
        super(message);
    }
}
