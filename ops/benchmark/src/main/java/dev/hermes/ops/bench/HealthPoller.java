package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The raw side's health wait: GET {@code <url>/health} every 5 ms until it answers 200; and a one-shot check. */
public final class HealthPoller {
    private static final long INTERVAL_MS = 5;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public void awaitHealthy(String baseUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (answers200(request)) {
                return;
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HermesException("interrupted while polling " + baseUrl, e);
            }
        }
        throw new HermesException(baseUrl + "/health did not answer 200 within " + timeout.toSeconds() + " s");
    }

    /**
     * One GET {@code <url>/health} that must answer 200 within {@code timeout}: a paused container's port still
     * accepts the connection (the kernel does) but never answers.
     */
    public boolean answersWithin(String baseUrl, Duration timeout) {
        return answers200(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(timeout)
                .GET()
                .build());
    }

    private boolean answers200(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while probing " + request.uri(), e);
        }
    }
}
