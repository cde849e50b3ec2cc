package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.time.Duration;

/** The container started but never answered GET /health with 200 in time. */
public final class HealthTimeoutException extends HermesException {
    public HealthTimeoutException(String containerName, Duration waited, String lastObservation) {
        super("container " + containerName + " did not answer GET /health with 200 within " + waited.toMillis()
                + " ms (last: " + lastObservation + ")");
    }
}
