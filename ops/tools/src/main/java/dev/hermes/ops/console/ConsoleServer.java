package dev.hermes.ops.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.ops.status.FleetStatus;
import dev.hermes.ops.status.RuntimeState;
import dev.hermes.ops.status.StatusFilter;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only web console on the JDK's HttpServer, bound to loopback only: {@code /} (the fleet, filtered by
 * {@code ?state=&user=}) and {@code /family?user=ID} (its timeline). Only GET and HEAD are answered; nothing is
 * ever written anywhere.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    private final HttpServer server;
    private final ExecutorService pool;
    private final ConsoleSource source;

    ConsoleServer(ConsoleSource source, String loopbackHost, int port) {
        this.source = source;
        try {
            InetAddress address = InetAddress.getByName(loopbackHost);
            if (!address.isLoopbackAddress()) {
                throw new HermesException("the console serves on loopback only, not " + loopbackHost);
            }
            this.server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new HermesException("cannot serve the console on " + loopbackHost + ":" + port + ": " + e, e);
        }
        this.pool = Executors.newFixedThreadPool(2);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Serves the fleet of {@code status} on 127.0.0.1:{@code port} (0: a free port); a fleet read is reused for
     * 5 s. {@code kafka} and {@code topics} are the deployment's, for the settings topic and the timelines.
     */
    public static ConsoleServer serve(FleetStatus status, KafkaAccess kafka, Topics topics, Clock clock, int port) {
        return start(new LiveSource(status, kafka, topics, clock, Duration.ofSeconds(5)), "127.0.0.1", port);
    }

    static ConsoleServer start(ConsoleSource source, String loopbackHost, int port) {
        ConsoleServer console = new ConsoleServer(source, loopbackHost, port);
        console.server.start();
        return console;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "the console is read-only\n");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.equals("/")) {
                    send(exchange, 200, "text/html", FleetPage.render(source.fleet(), filter(query)));
                } else if (path.equals("/family")) {
                    send(exchange, 200, "text/html", FamilyPage.render(source.timeline(UserId.of(query.get("user")))));
                } else {
                    send(exchange, 404, "text/plain", "not found\n");
                }
            } catch (InvalidUserIdException | IllegalArgumentException | NullPointerException e) {
                send(exchange, 400, "text/plain", "bad request: give ?user=<user id> and ?state=<state> as listed\n");
            } catch (RuntimeException e) {
                log.warn("console page {} failed", path, e);
                send(exchange, 503, "text/plain", "cannot read the fleet now: " + e.getMessage() + "\n");
            }
        }
    }

    private static StatusFilter filter(Map<String, String> query) {
        String state = query.get("state");
        return new StatusFilter(
                query.get("user"),
                state == null || state.isBlank() ? null : RuntimeState.valueOf(state.toUpperCase(Locale.ROOT)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
