package dev.hermes.worker.lifecycle;

import dev.hermes.worker.spawn.AgentHealth;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /health} with one shared HTTP/1.1 client, whose connections are kept alive between checks, and a short
 * timeout: a hung agent still accepts the connection (the kernel does) but never answers.
 */
public final class HttpLivenessProbe implements LivenessProbe {
    private final AgentHealth agent;
    private final Duration timeout;

    public HttpLivenessProbe(Duration timeout) {
        this.timeout = timeout;
        this.agent = new AgentHealth(timeout);
    }

    /** The timeout for one check: 2 s, or half the interval when that is shorter (at least 100 ms). */
    public static Duration timeoutFor(Duration interval) {
        Duration half = interval.dividedBy(2);
        Duration timeout = half.compareTo(Duration.ofSeconds(2)) < 0 ? half : Duration.ofSeconds(2);
        return timeout.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : timeout;
    }

    @Override
    public CompletableFuture<Boolean> healthy(String baseUrl) {
        return agent.ask(baseUrl, timeout);
    }
}
