package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM during a burst: the worker stops taking work, finishes what it has, commits, leaves the
 * group and exits 0; the other worker takes over the rest. Nothing is lost and no family is told two
 * different URLs.
 */
@HermesStack.Use
@ExtendWith(WorkerProcess.TailOnFailure.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GracefulShutdownIT {
    private static final Map<String, String> ENV = Map.of(
            "HERMES_SESSION_TIMEOUT_SEC", "6", "HERMES_HEALTH_TIMEOUT_SEC", "60", "HERMES_REVOKE_TIMEOUT_SEC", "45");
    // 24 families and a 45 s drain bound: on this CI machine Docker serialises starts (about 1 s each), so 40 at
    // once kept the leaving worker's spawns in flight for 55 s, past a 15 s drain, and its final commit came late
    private static final int USERS = 24;

    private static final List<UserId> users = new ArrayList<>();
    private static final List<WorkerProcess> workers = new ArrayList<>();

    @AfterAll
    static void removeRuntimes(Stack stack) {
        Fleet.removeAll(stack, users, workers);
    }

    @Test
    void aWorkerTerminatedMidBurstDrainsAndLosesNothing(Stack stack) {
        WorkerProcess leaving = WorkerProcess.start(stack, ENV);
        WorkerProcess staying = WorkerProcess.start(stack, ENV);
        workers.addAll(List.of(leaving, staying));
        leaving.waitReady(Duration.ofSeconds(60));
        staying.waitReady(Duration.ofSeconds(60));
        Map<String, Set<Integer>> assignment = Fleet.awaitAssignment(stack, Duration.ofSeconds(45), leaving, staying);
        Set<Integer> leavingPartitions = assignment.get(leaving.workerId());
        RuntimeClient client = stack.client();
        for (int i = 0; i < USERS; i++) {
            users.add(stack.newUser());
        }
        // a quarter of the families boot slowly, so the leaving worker has spawns in flight at SIGTERM
        List<UserId> slow =
                users.stream().filter(u -> users.indexOf(u) % 4 == 0).toList();
        Fleet.slowBoot(stack, slow, 2_500);

        AtomicInteger replies = new AtomicInteger();
        long t0 = System.nanoTime();
        List<CompletableFuture<Fleet.Outcome>> calls = new ArrayList<>();
        for (UserId user : users) {
            CompletableFuture<Fleet.Outcome> call =
                    Fleet.outcome(user, client.ensureRuntimeAsync(user, Duration.ofSeconds(90)));
            call.thenRun(replies::incrementAndGet);
            calls.add(call);
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> replies.get() >= USERS / 4);
        int repliesAtTerm = replies.get();
        long termAt = System.nanoTime();
        leaving.sigterm();
        int exit = leaving.awaitExit(Duration.ofSeconds(60));
        long drainMs = (System.nanoTime() - termAt) / 1_000_000;

        List<Fleet.Outcome> outcomes = Fleet.join(calls, Duration.ofSeconds(100));
        long wallMs = (outcomes.stream()
                                .mapToLong(Fleet.Outcome::completedAtNanos)
                                .max()
                                .orElseThrow()
                        - t0)
                / 1_000_000;
        long answeredByLeavingAfterTerm = outcomes.stream()
                .filter(o -> o.ready()
                        && o.handle().ready().workerId().equals(leaving.workerId())
                        && o.completedAtNanos() > termAt)
                .count();
        System.out.printf(
                "Graceful: SIGTERM after %d replies; %s (partitions %s) exited %d after %d ms, answering "
                        + "%d in-flight requests while draining; all %d answered in %d ms%n",
                repliesAtTerm,
                leaving.workerId(),
                leavingPartitions,
                exit,
                drainMs,
                answeredByLeavingAfterTerm,
                USERS,
                wallMs);

        assertThat(outcomes)
                .as("all %d answered READY%s", USERS, Fleet.describeFailures(outcomes))
                .allMatch(Fleet.Outcome::ready);
        assertThat(leaving.logLines("worker " + leaving.workerId() + " stopped"))
                .as("the leaving worker stopped")
                .hasSize(1);
        assertThat(leaving.logLines("still in flight at revoke"))
                .as("the leaving worker drained fully")
                .isEmpty();
        List<Event> burstReplies = Fleet.allReplies(stack);
        Map<UUID, Long> answersPerRequest =
                burstReplies.stream().collect(Collectors.groupingBy(Fleet::correlationId, Collectors.counting()));
        Map<UUID, Long> replayed = answersPerRequest.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.printf(
                "Graceful: %d replies on the topic for %d requests; %d requests answered twice%n",
                burstReplies.size(), USERS, replayed.size());

        // a second call per family after the burst, now all answered by the staying worker
        for (Fleet.Outcome first : outcomes) {
            RuntimeHandle again = client.ensureRuntime(first.user(), Duration.ofSeconds(30));
            assertThat(again.url())
                    .as("second URL of %s", first.user())
                    .isEqualTo(first.handle().url());
            assertThat(again.containerName()).isEqualTo(first.user().containerName());
            assertThat(again.ready().workerId()).isEqualTo(staying.workerId());
        }
        List<Event> everyReply = Fleet.allReplies(stack);
        Map<UserId, Set<String>> urls = Fleet.urlsByUser(everyReply);
        assertThat(urls.keySet()).containsExactlyInAnyOrderElementsOf(users);
        assertThat(urls.entrySet())
                .as("families told two different URLs")
                .filteredOn(e -> e.getValue().size() > 1)
                .isEmpty();
        assertThat(Fleet.failures(everyReply)).as("RuntimeFailed replies").isZero();
        Map<UserId, List<Container>> containers = Fleet.containersByUser(stack, users);
        assertThat(containers).hasSize(USERS);
        assertThat(containers.values()).allSatisfy(list -> {
            assertThat(list).hasSize(1);
            assertThat(list.get(0).getState()).isEqualTo("running");
        });
        assertThat(staying.alive()).isTrue();
        SoftAssertions.assertSoftly(soft -> {
            // a drained hand-over commits everything the leaving worker finished: the next owner replays nothing
            soft.assertThat(leaving.logLines("commit at revoke failed"))
                    .as("the leaving worker's final commit")
                    .isEmpty();
            soft.assertThat(replayed)
                    .as("requests answered twice (replayed after the hand-over)")
                    .isEmpty();
            soft.assertThat(exit)
                    .as("exit status of the drained worker (SIGTERM)")
                    .isZero();
        });
    }
}
