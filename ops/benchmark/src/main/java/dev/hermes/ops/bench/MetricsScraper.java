package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a worker's /metrics on 127.0.0.1. */
public final class MetricsScraper {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final HttpRequest request;

    public MetricsScraper(int port) {
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
    }

    public MetricsText scrape() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new HermesException(request.uri() + " answered HTTP " + response.statusCode());
            }
            return new MetricsText(response.body());
        } catch (IOException e) {
            throw new HermesException("cannot read " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while reading " + request.uri(), e);
        }
    }
}
