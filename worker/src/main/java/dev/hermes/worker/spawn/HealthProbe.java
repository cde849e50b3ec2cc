package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Waits for {@code GET <url>/health} to answer 200 on a {@link HealthPollSchedule}: for a start, every 3 ms in the
 * first 100 ms, then backing off from 25 to 100 ms, so a fast agent is seen within a few ms of listening and a slow
 * one does not cost a storm of requests; for a resume, every 2 ms, then every 20 ms, within a short timeout.
 */
public final class HealthProbe implements HealthCheck {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_NOW_TIMEOUT = Duration.ofMillis(500);
    private static final Duration LIVENESS_EVERY = Duration.ofSeconds(1);
    private final AgentHealth agent = new AgentHealth(Duration.ofSeconds(1));
    private final Duration timeout;
    private final HealthPollSchedule schedule;

    /** {@code timeout}: how long a container may take to answer 200 (HERMES_HEALTH_TIMEOUT). */
    public HealthProbe(Duration timeout) {
        this(timeout, HealthPollSchedule.DEFAULT);
    }

    public HealthProbe(Duration timeout, HealthPollSchedule schedule) {
        this.timeout = timeout;
        this.schedule = schedule;
    }

    /** For a resume: a thawed agent answers within a few ms, and one that does not answer soon is abandoned. */
    public static HealthProbe forResume(Duration timeout) {
        return new HealthProbe(timeout, HealthPollSchedule.RESUME);
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
        long nextLivenessCheck = started + LIVENESS_EVERY.toNanos();
        while (true) {
            AgentHealth.Answer answer;
            try {
                answer = agent.get(baseUrl, REQUEST_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HermesException("interrupted while waiting for " + containerName + " to become healthy", e);
            }
            if (answer.healthy()) {
                return first;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                stillRunning.getAsBoolean(); // a container that is gone says so rather than timing out
                throw new HealthTimeoutException(containerName, timeout, answer.detail());
            }
            if (now >= nextLivenessCheck) {
                stillRunning.getAsBoolean();
                nextLivenessCheck = now + LIVENESS_EVERY.toNanos();
            }
            first = false;
            pause = schedule.nextPauseMs((now - started) / 1_000_000, pause);
            sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
        }
    }

    @Override
    public boolean answersNow(String baseUrl) {
        return agent.ask(baseUrl, ANSWER_NOW_TIMEOUT).join();
    }

    @Override
    public CompletableFuture<Boolean> askAhead(String baseUrl) {
        return agent.ask(baseUrl, timeout);
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
