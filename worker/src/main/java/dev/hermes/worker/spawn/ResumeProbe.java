package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The health check of a resume: a thawed agent answers within a few ms (raw unpause + first /health 200 is 22-28 ms
 * on the stand-in), so {@code /health} is polled every 2 ms for the first 100 ms, then every 20 ms, within a short
 * timeout: a resume that does not answer soon is abandoned for a cold start.
 */
public final class ResumeProbe implements HealthCheck {
    private static final long FAST_MS = 2;
    private static final long SLOW_MS = 20;
    private static final Duration FAST_PHASE = Duration.ofMillis(100);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Duration timeout;

    public ResumeProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean awaitHealthy(String containerName, String baseUrl, BooleanSupplier stillRunning) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        boolean first = true;
        String last = "no answer yet";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return first;
                }
                last = "not 200";
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HermesException("interrupted while resuming " + containerName, e);
            }
            first = false;
            long now = System.nanoTime();
            if (now >= deadline) {
                stillRunning.getAsBoolean(); // a container that is gone says so rather than timing out
                throw new HealthTimeoutException(containerName, timeout, last);
            }
            sleep(now - started < FAST_PHASE.toNanos() ? FAST_MS : SLOW_MS, containerName);
        }
    }

    @Override
    public CompletableFuture<Boolean> askAhead(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(timeout)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() == 200);
    }

    private static void sleep(long ms, String containerName) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while resuming " + containerName, e);
        }
    }
}
