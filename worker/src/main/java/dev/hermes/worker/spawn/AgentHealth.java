package dev.hermes.worker.spawn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET <baseUrl>/health} of an agent, on one HTTP/1.1 client whose connections are kept alive: the one place the
 * worker asks an agent whether it is healthy (start-up and resume polls, liveness checks, checks before a warm answer).
 */
public final class AgentHealth {
    /** What one request got: a 200, or why not ("HTTP 503", the I/O error's name). */
    public record Answer(boolean healthy, String detail) {}

    private final HttpClient http;

    public AgentHealth(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends now, never blocks: completes true on a 200, false on anything else (an error, a timeout, a bad URL). */
    public CompletableFuture<Boolean> ask(String baseUrl, Duration timeout) {
        try {
            return http.sendAsync(request(baseUrl, timeout), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null && response.statusCode() == 200);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
    }

    /** One request, waited for. */
    public Answer get(String baseUrl, Duration timeout) throws InterruptedException {
        try {
            int status = http.send(request(baseUrl, timeout), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return new Answer(status == 200, "HTTP " + status);
        } catch (IOException e) {
            return new Answer(false, e.getClass().getSimpleName());
        }
    }

    private static HttpRequest request(String baseUrl, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(timeout)
                .GET()
                .build();
    }
}
