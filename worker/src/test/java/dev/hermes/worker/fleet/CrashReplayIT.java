package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Design, behaviour 2: offsets are committed only below the lowest unfinished record, so a worker
 * killed with requests in flight loses none of them: the next owner replays and answers them, and
 * adopts the containers the dead worker had started instead of making second ones.
 */
@HermesStack.Use
@ExtendWith(WorkerProcess.TailOnFailure.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashReplayIT {
    private static final Map<String, String> ENV =
            Map.of("HERMES_SESSION_TIMEOUT_SEC", "6", "HERMES_HEALTH_TIMEOUT_SEC", "30");
    private static final int USERS = 6;

    @Test
    void requestsInFlightWhenTheWorkerIsKilledAreAnsweredByTheNextOwner(Stack stack) {
        WorkerProcess w1 = WorkerProcess.start(stack, ENV).waitReady(Duration.ofSeconds(60));
        Fleet.awaitAssignment(stack, Duration.ofSeconds(30), w1);
        RuntimeClient client = stack.client();
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(stack.newUser());
        }
        Fleet.slowBoot(stack, users, 3_000);

        List<CompletableFuture<Fleet.Outcome>> calls = new ArrayList<>();
        for (UserId user : users) {
            calls.add(Fleet.outcome(user, client.ensureRuntimeAsync(user, Duration.ofSeconds(60))));
        }
        // W1 has created every container; their agents are still booting, so nobody was answered yet
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Fleet.containersByUser(stack, users).size() == USERS);
        w1.sigkill();
        long killed = System.nanoTime();
        assertThat(calls).as("no answer came before the kill").noneMatch(CompletableFuture::isDone);

        WorkerProcess w2 = WorkerProcess.start(stack, ENV).waitReady(Duration.ofSeconds(60));
        List<Fleet.Outcome> outcomes = Fleet.join(calls, Duration.ofSeconds(70));
        long recoveredMs = (System.nanoTime() - killed) / 1_000_000;

        assertThat(outcomes)
                .as("every request answered READY" + Fleet.describeFailures(outcomes))
                .allMatch(Fleet.Outcome::ready);
        assertThat(outcomes)
                .as("answered by the replaying worker")
                .allSatisfy(o -> assertThat(o.handle().ready().workerId()).isEqualTo(w2.workerId()));
        Map<UserId, List<Container>> containers = Fleet.containersByUser(stack, users);
        assertThat(containers).hasSize(USERS);
        containers.forEach((user, list) -> {
            assertThat(list).as("containers of %s", user).hasSize(1);
            assertThat(list.get(0).getState()).isEqualTo("running");
        });
        for (Fleet.Outcome o : outcomes) {
            assertThat(o.handle().containerName()).isEqualTo(o.user().containerName());
            assertThat(Agent.healthy(o.handle().url()))
                    .as("runtime of %s", o.user())
                    .isTrue();
        }
        System.out.printf(
                "CrashReplay: %d requests in flight at SIGKILL all answered READY by %s %d ms after " + "the kill%n",
                USERS, w2.workerId(), recoveredMs);
        assertThat(w2.alive()).isTrue();
    }
}
