package dev.hermes.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Serves /metrics (Prometheus text), /livez and /readyz on the configured address (127.0.0.1 by default). */
public final class HttpEndpoints implements AutoCloseable {
    private final HttpServer server;

    /** @param notReady why the worker is not ready, or null when it is (/readyz answers 503 with the reason) */
    public HttpEndpoints(
            String host, int port, Supplier<String> scrape, BooleanSupplier live, Supplier<String> notReady)
            throws IOException {
        this(host, port, scrape, live, notReady, () -> null);
    }

    /**
     * @param degraded why a ready worker serves degraded, or null: /readyz then answers 200 {@code degraded: reason}
     *     (it keeps its traffic: it serves)
     */
    public HttpEndpoints(
            String host,
            int port,
            Supplier<String> scrape,
            BooleanSupplier live,
            Supplier<String> notReady,
            Supplier<String> degraded)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext(
                "/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get()));
        server.createContext("/livez", ex -> probe(ex, live.getAsBoolean()));
        server.createContext("/readyz", ex -> {
            String reason = notReady.get();
            String degradedBy = reason == null ? degraded.get() : null;
            respond(
                    ex,
                    reason == null ? 200 : 503,
                    "text/plain",
                    reason != null
                            ? "not ready: " + reason + "\n"
                            : degradedBy != null ? "degraded: " + degradedBy + "\n" : "ok\n");
        });
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hermes-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void probe(HttpExchange exchange, boolean ok) throws IOException {
        respond(exchange, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "not ready\n");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
