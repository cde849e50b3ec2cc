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
 * Waits for {@code GET <url>/health} to answer 200 on a {@link HealthPollSchedule}: every 3 ms in the first
 * 100 ms, then backing off from 25 to 100 ms, so a fast agent is seen within a few ms of listening and a slow one
 * does not cost a storm of requests.
 */
public final class HealthProbe implements HealthCheck {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Duration ANSWER_NOW_TIMEOUT = Duration.ofMillis(500);
    private final Duration timeout;
    private final HealthPollSchedule schedule = HealthPollSchedule.DEFAULT;

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
        long pause = 0;
        boolean first = true;
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
                    return first;
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
            first = false;
            pause = schedule.nextPauseMs((now - started) / 1_000_000, pause);
            sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
        }
    }

    @Override
    public boolean answersNow(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(ANSWER_NOW_TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
