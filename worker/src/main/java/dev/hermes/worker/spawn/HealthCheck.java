package dev.hermes.worker.spawn;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Waits for a started container to answer its health check; {@link HealthProbe} over HTTP. */
public interface HealthCheck {
    /**
     * Returns once healthy: true if it already was at the first look. {@code stillRunning} is asked now and
     * then so a dead container fails fast.
     *
     * @throws HealthTimeoutException when it does not become healthy in time
     */
    boolean awaitHealthy(String containerName, String baseUrl, BooleanSupplier stillRunning);

    /**
     * Whether {@code GET <baseUrl>/health} answers 200 now: one try with a short timeout, for a runtime whose
     * container Docker says runs. A check that cannot probe (a test's stand-in) trusts Docker.
     */
    default boolean answersNow(String baseUrl) {
        return true;
    }

    /**
     * Sends {@code GET <baseUrl>/health} now, without waiting: completes true on a 200, false on anything else. For a
     * paused runtime: the kernel takes the connection while the agent is frozen, so the answer comes the moment it
     * thaws. A check that cannot probe completes false at once, and the caller polls with {@link #awaitHealthy}.
     */
    default CompletableFuture<Boolean> askAhead(String baseUrl) {
        return CompletableFuture.completedFuture(false);
    }
}
