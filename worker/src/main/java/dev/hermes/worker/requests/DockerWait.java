package dev.hermes.worker.requests;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.lifecycle.HttpLivenessProbe;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.EnsureOutcome;
import dev.hermes.worker.spawn.HostUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits out a Docker outage for an ensure instead of failing it at once. While Docker is down (the 1 s probe said so,
 * or the ensure's own call could not reach it), the ensure waits for Docker to answer again, then runs again; the wait
 * ends at the request's deadline less {@link #MARGIN} (time to answer in time) and after at most {@code cap}
 * (HERMES_DOCKER_WAIT_SEC). Still down then: HOST_UNAVAILABLE with a retry-after ({@link #retryAfter}) that grows
 * with the outage. A heartbeat's deadline is now: it never waits.
 *
 * <p>A waiter holds its lane thread, so at most {@code maxWaiters} wait at once (half the lane pool): the rest are
 * answered HOST_UNAVAILABLE at once and the pool keeps threads for warm answers of other families. The family's known
 * runtime, if its engine runs with live-restore (which keeps containers running while dockerd is away) and its agent
 * still answers {@code /health}, is answered warm without waiting: Docker cannot say it died, and the agent says it
 * did not. Without live-restore it waits like any other: its container stops with dockerd.
 */
public final class DockerWait {
    static final Duration MARGIN = Duration.ofSeconds(1);
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    static final Duration RETRY_AFTER_MAX = Duration.ofSeconds(60);
    private final Function<UserId, DockerOutage> outageOf;
    private final Clock clock;
    private final Duration cap;
    private final Semaphore waiters;
    private final RuntimeRegistry registry;
    private final Predicate<String> answers;

    /**
     * @param answers whether a runtime's base URL answers {@code GET /health} with 200 now (a short timeout)
     */
    public DockerWait(
            DockerOutage outage,
            Clock clock,
            Duration cap,
            int maxWaiters,
            RuntimeRegistry registry,
            Predicate<String> answers) {
        this(user -> outage, clock, cap, maxWaiters, registry, answers);
    }

    /**
     * @param outageOf the outage of the family's Docker host (with several hosts, each has its own: one that is down
     *     holds up only its own families); asked again after each failed attempt, which may have placed the family;
     *     null while the family has no host (then an attempt that cannot reach Docker is answered at once)
     */
    public DockerWait(
            Function<UserId, DockerOutage> outageOf,
            Clock clock,
            Duration cap,
            int maxWaiters,
            RuntimeRegistry registry,
            Predicate<String> answers) {
        this.outageOf = outageOf;
        this.clock = clock;
        this.cap = cap;
        this.waiters = new Semaphore(Math.max(1, maxWaiters));
        this.registry = registry;
        this.answers = answers;
    }

    /**
     * The worker's: half of its {@code laneThreads} may wait; a known runtime is asked {@code GET /health} with a 1 s
     * timeout.
     */
    public static DockerWait of(
            DockerOutage outage, Clock clock, Duration cap, int laneThreads, RuntimeRegistry registry) {
        return of(user -> outage, clock, cap, laneThreads, registry);
    }

    /** {@link #of(DockerOutage, Clock, Duration, int, RuntimeRegistry)} with one outage per Docker host. */
    public static DockerWait of(
            Function<UserId, DockerOutage> outageOf,
            Clock clock,
            Duration cap,
            int laneThreads,
            RuntimeRegistry registry) {
        HttpLivenessProbe probe = new HttpLivenessProbe(Duration.ofSeconds(1));
        return new DockerWait(
                outageOf,
                clock,
                cap,
                laneThreads / 2,
                registry,
                url -> probe.healthy(url).join());
    }

    /** Never waits: an ensure that cannot reach Docker is answered HOST_UNAVAILABLE at once. */
    public static DockerWait never(Clock clock) {
        return new DockerWait(new DockerOutage(clock), clock, Duration.ZERO, 1, new RuntimeRegistry(), url -> false);
    }

    /**
     * Runs {@code attempt} (one ensure), waiting out a Docker outage as described above.
     *
     * @param retried gets each failed attempt that is run again, so its facts so far can be audited
     * @throws EnsureFailedException as the attempt threw it, or with a {@link HostUnavailableException}
     */
    public EnsureOutcome ensure(
            UserId user, Instant deadline, Supplier<EnsureOutcome> attempt, Consumer<EnsureFailedException> retried) {
        Instant byDeadline = deadline.minus(MARGIN);
        Instant byCap = clock.instant().plus(cap);
        Instant until = byDeadline.isBefore(byCap) ? byDeadline : byCap;
        while (true) {
            DockerOutage outage = outageOf.apply(user);
            if (outage != null && outage.down()) {
                Runtime live = answeringKnown(user, outage);
                if (live != null) {
                    return EnsureOutcome.warm(live);
                }
                if (!waited(outage, until)) {
                    throw new EnsureFailedException(
                            new HostUnavailableException(
                                    "Docker does not answer (since "
                                            + outage.downSince().orElse(null) + ")",
                                    retryAfter(outage)),
                            List.of());
                }
            }
            try {
                return attempt.get();
            } catch (EnsureFailedException e) {
                if (!DockerOutage.unreachable(e.getCause())) {
                    throw e;
                }
                DockerOutage host = outageOf.apply(user);
                if (host != null) {
                    host.unreachable();
                }
                retried.accept(e);
                if (host == null || !clock.instant().isBefore(until)) {
                    throw new EnsureFailedException(
                            new HostUnavailableException("Docker does not answer: " + e.getMessage(), retryAfter(host)),
                            List.of());
                }
            }
        }
    }

    /**
     * {@link #RETRY_AFTER} (2 s) while the outage is young, then half of how long the engine has been down, at most
     * {@link #RETRY_AFTER_MAX} (60 s): an engine down for minutes is unlikely to be back within seconds, so callers
     * that honour the hint back off as the outage grows instead of asking every 2 s.
     */
    Duration retryAfter(DockerOutage outage) {
        Duration downFor = outage == null
                ? Duration.ZERO
                : outage.downSince()
                        .map(since -> Duration.between(since, clock.instant()))
                        .orElse(Duration.ZERO);
        Duration half = downFor.dividedBy(2);
        if (half.compareTo(RETRY_AFTER) < 0) {
            return RETRY_AFTER;
        }
        return half.compareTo(RETRY_AFTER_MAX) > 0 ? RETRY_AFTER_MAX : half;
    }

    /**
     * The family's known runtime if its engine keeps containers running while it is away (live-restore) and the agent
     * answers. Without live-restore the agent may answer now, yet dockerd stops it as it stops, or kills it as it starts
     * again: not an answer to give.
     */
    private Runtime answeringKnown(UserId user, DockerOutage outage) {
        if (!outage.keepsContainers()) {
            return null;
        }
        Runtime known = registry.find(user);
        return known != null && answers.test(known.url()) ? known : null;
    }

    private boolean waited(DockerOutage outage, Instant until) {
        if (!clock.instant().isBefore(until) || !waiters.tryAcquire()) {
            return false;
        }
        try {
            return outage.awaitAnswering(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiters.release();
        }
    }
}
