package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.EnsureOutcome;
import dev.hermes.worker.spawn.HostUnavailableException;
import dev.hermes.worker.spawn.SpawnFailedException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DockerWaitTest {
    private final Clock clock = Clock.systemUTC();
    private final DockerOutage outage = new DockerOutage(clock);
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final UserId user = UserId.random();
    private final Runtime runtime = Runtime.of(user, "c1", "http://127.0.0.1:40001", 1, Instant.now());
    private final EnsureOutcome ready = new EnsureOutcome(runtime, true, 1, 1, 1, List.of());
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<EnsureFailedException> retried = new CopyOnWriteArrayList<>();

    private DockerWait waitFor(Duration cap, int maxWaiters, boolean agentAnswers) {
        return new DockerWait(outage, clock, cap, maxWaiters, registry, url -> agentAnswers);
    }

    private static EnsureFailedException cannotConnect() {
        return new EnsureFailedException(new RuntimeException(new ConnectException("Connection refused")), List.of());
    }

    /** Fails as if Docker's socket refused until {@code failures} attempts were made, then answers ready. */
    private Supplier<EnsureOutcome> attempt(int failures) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw cannotConnect();
            }
            return ready;
        };
    }

    private EnsureOutcome ensure(DockerWait wait, Instant deadline, Supplier<EnsureOutcome> attempt) {
        return wait.ensure(user, deadline, attempt, retried::add);
    }

    @Test
    void anEnsureThatReachesDockerRunsOnce() {
        EnsureOutcome outcome = ensure(waitFor(Duration.ofSeconds(30), 4, false), clock.instant(), attempt(0));
        assertThat(outcome).isSameAs(ready);
        assertThat(attempts).hasValue(1);
        assertThat(retried).isEmpty();
    }

    @Test
    void aColdEnsureThatCannotReachDockerWaitsUntilItAnswersAndRunsAgain() {
        DockerWait wait = waitFor(Duration.ofSeconds(30), 4, false);
        CompletableFuture<EnsureOutcome> outcome =
                CompletableFuture.supplyAsync(() -> ensure(wait, clock.instant().plusSeconds(30), attempt(1)));
        await().atMost(Duration.ofSeconds(2)).until(outage::down);
        assertThat(outcome).isNotDone();
        outage.answered();
        assertThat(outcome).succeedsWithin(Duration.ofSeconds(2)).isSameAs(ready);
        assertThat(attempts).hasValue(2);
        assertThat(retried).as("the failed attempt's facts are handed on").hasSize(1);
    }

    @Test
    void stillDownAtTheDeadlineLessTheMarginIsAnsweredHostUnavailableWithRetryAfter() {
        outage.unreachable();
        long t0 = System.nanoTime();
        Instant deadline = clock.instant().plus(DockerWait.MARGIN).plusMillis(300);
        assertThatThrownBy(() -> ensure(waitFor(Duration.ofSeconds(30), 4, false), deadline, attempt(0)))
                .isInstanceOfSatisfying(
                        EnsureFailedException.class,
                        e -> assertThat(e.getCause())
                                .isInstanceOfSatisfying(
                                        HostUnavailableException.class,
                                        down -> assertThat(down.retryAfter()).isEqualTo(DockerWait.RETRY_AFTER)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofMillis(900));
        assertThat(attempts).as("no Docker call while it is known down").hasValue(0);
    }

    @Test
    void theRetryAfterGrowsWithTheOutageFromTwoSecondsToAMinute() {
        DockerWait wait = waitFor(Duration.ofSeconds(30), 4, false);

        assertThat(wait.retryAfter(downFor(Duration.ZERO))).isEqualTo(Duration.ofSeconds(2));
        assertThat(wait.retryAfter(downFor(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(wait.retryAfter(downFor(Duration.ofSeconds(30))))
                .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(16));
        assertThat(wait.retryAfter(downFor(Duration.ofMinutes(10)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(wait.retryAfter(null)).as("a family with no host yet").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFamilyOfAnEngineDownForMinutesIsToldToRetryInAMinute() {
        DockerOutage old = downFor(Duration.ofMinutes(5));
        DockerWait wait = new DockerWait(old, clock, Duration.ofSeconds(30), 4, registry, url -> false);

        assertThatThrownBy(() -> wait.ensure(user, clock.instant(), attempt(0), retried::add))
                .isInstanceOfSatisfying(
                        EnsureFailedException.class,
                        e -> assertThat(e.getCause())
                                .isInstanceOfSatisfying(
                                        HostUnavailableException.class,
                                        down -> assertThat(down.retryAfter()).isEqualTo(Duration.ofSeconds(60))));
        assertThat(attempts).hasValue(0);
    }

    /** An outage that began {@code ago}. */
    private DockerOutage downFor(Duration ago) {
        DockerOutage down = new DockerOutage(Clock.fixed(clock.instant().minus(ago), clock.getZone()));
        down.unreachable();
        return down;
    }

    @Test
    void theCapEndsTheWaitLongBeforeAFarDeadline() {
        outage.unreachable();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ensure(
                        waitFor(Duration.ofMillis(200), 4, false),
                        clock.instant().plusSeconds(60),
                        attempt(0)))
                .hasCauseInstanceOf(HostUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aHeartbeatNeverWaits() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ensure(waitFor(Duration.ofSeconds(30), 4, false), clock.instant(), attempt(5)))
                .hasCauseInstanceOf(HostUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        assertThat(attempts).hasValue(1);
        assertThat(outage.down())
                .as("the failed call marks Docker down for everyone")
                .isTrue();
    }

    @Test
    void dockerRefusingARequestFailsAsBeforeAndIsNoOutage() {
        EnsureFailedException refused = new EnsureFailedException(
                new SpawnFailedException(
                        "docker refused to create x",
                        new DockerCallFailedException("disk full", new InternalServerErrorException("disk full"))),
                List.of());
        assertThatThrownBy(() -> ensure(
                        waitFor(Duration.ofSeconds(30), 4, false),
                        clock.instant().plusSeconds(30),
                        () -> {
                            throw refused;
                        }))
                .isSameAs(refused);
        assertThat(outage.down()).isFalse();
    }

    @Test
    void beyondTheWaiterCapTheRestAreAnsweredAtOnce() {
        outage.unreachable();
        DockerWait wait = waitFor(Duration.ofSeconds(30), 1, false);
        CompletableFuture<EnsureOutcome> waiting =
                CompletableFuture.supplyAsync(() -> ensure(wait, clock.instant().plusSeconds(30), attempt(0)));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !waiting.isDone());
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ensure(wait, clock.instant().plusSeconds(30), attempt(0)))
                .hasCauseInstanceOf(HostUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        outage.answered();
        assertThat(waiting).succeedsWithin(Duration.ofSeconds(2)).isSameAs(ready);
    }

    @Test
    void aKnownRuntimeWhoseAgentAnswersIsAnsweredWarmWithoutWaitingOnAnEngineWithLiveRestore() {
        registry.put(runtime);
        outage.keepsContainers(true);
        outage.unreachable();
        EnsureOutcome outcome =
                ensure(waitFor(Duration.ofSeconds(30), 4, true), clock.instant().plusSeconds(30), attempt(0));
        assertThat(outcome.runtime()).isEqualTo(runtime);
        assertThat(outcome.cold()).isFalse();
        assertThat(attempts).hasValue(0);
    }

    @Test
    void withoutLiveRestoreAKnownRuntimeWhoseAgentStillAnswersWaitsForDockerLikeAnyOther() {
        registry.put(runtime); // dockerd stops its containers as it stops: the agent answering now is about to die
        outage.unreachable();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ensure(
                        waitFor(Duration.ofMillis(300), 4, true),
                        clock.instant().plusSeconds(30),
                        attempt(0)))
                .hasCauseInstanceOf(HostUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(attempts).hasValue(0);
    }
}
