package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for {@code GET <url>/health} to answer 200: every 25 ms at first, backing off to 100 ms, so a
 * fast agent is seen within a few ms of listening and a slow one does not cost a storm of requests.
 */
public final class HealthProbe implements HealthCheck {
    private static final long FIRST_INTERVAL_MS = 25;
    private static final long MAX_INTERVAL_MS = 100;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Duration timeout;

    /** {@code timeout}: how long a container may take to answer 200 (HERMES_HEALTH_TIMEOUT). */
    public HealthProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Returns once healthy: true if the very first probe answered 200 (it was already up).
     * {@code stillRunning} is asked now and then so a dead container fails fast.
     */
    @Override
    public boolean awaitHealthy(String containerName, String baseUrl, BooleanSupplier stillRunning) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long interval = FIRST_INTERVAL_MS;
        long nextLivenessCheck = started + Duration.ofSeconds(1).toNanos();
        String last = "no answer yet";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (true) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return interval == FIRST_INTERVAL_MS;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HermesException("interrupted while waiting for " + containerName + " to become healthy", e);
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                throw new HealthTimeoutException(containerName, timeout, last);
            }
            if (now >= nextLivenessCheck) {
                stillRunning.getAsBoolean();
                nextLivenessCheck = now + Duration.ofSeconds(1).toNanos();
            }
            sleep(Math.min(interval, Math.max(1, (deadline - now) / 1_000_000)));
            interval = Math.min(interval * 2, MAX_INTERVAL_MS);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while waiting for health", e);
        }
    }
}
