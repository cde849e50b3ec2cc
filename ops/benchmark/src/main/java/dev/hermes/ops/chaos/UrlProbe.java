package dev.hermes.ops.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Checks a READY answer's URL once: {@code GET <url>/health} (no auth), 1 s timeout, only on a 127.0.0.1
 * URL as given (anything else is not probed). An agent that hangs or died after ready shows here.
 */
final class UrlProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** True when it answered 200, false otherwise, null when the URL is not probed (not 127.0.0.1). */
    Boolean answers(String url) {
        if (!probed(url)) {
            return null;
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean probed(String url) {
        if (url == null) {
            return false;
        }
        try {
            return "127.0.0.1".equals(URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
