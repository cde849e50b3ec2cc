package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import dev.hermes.worker.audit.RuntimeFact;
import java.util.List;

/**
 * An ensure failed; {@link #getCause()} says why (a {@link HealthTimeoutException}, a settings outage,
 * Docker...) and its message is the cause's. {@link #factsSoFar()} is what happened before it failed, such
 * as the spawn and the stop of a runtime that never became healthy.
 */
public final class EnsureFailedException extends HermesException {
    private final List<RuntimeFact> factsSoFar;

    public EnsureFailedException(RuntimeException cause, List<RuntimeFact> factsSoFar) {
        super(cause.getMessage(), cause);
        this.factsSoFar = List.copyOf(factsSoFar);
    }

    public List<RuntimeFact> factsSoFar() {
        return factsSoFar;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
