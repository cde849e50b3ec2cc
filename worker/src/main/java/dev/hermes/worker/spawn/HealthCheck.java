package dev.hermes.worker.spawn;

import java.util.function.BooleanSupplier;

/** Waits for a started container to answer its health check; {@link HealthProbe} over HTTP. */
@FunctionalInterface
public interface HealthCheck {
    /**
     * Returns once healthy: true if it already was at the first look. {@code stillRunning} is asked now and
     * then so a dead container fails fast.
     *
     * @throws HealthTimeoutException when it does not become healthy in time
     */
    boolean awaitHealthy(String containerName, String baseUrl, BooleanSupplier stillRunning);
}
