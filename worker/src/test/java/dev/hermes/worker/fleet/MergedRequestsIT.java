package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Design, behaviour 2: concurrent requests for one family lead to one spawn, and every waiter gets
 * the answer, whichever reply partition it waits on.
 */
@HermesStack.Use
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MergedRequestsIT {
    private static final int CALLS = 20;
    private static final List<RuntimeClient> clients = new ArrayList<>();

    @BeforeAll
    static void startWorker(Stack stack) {
        Worker worker = stack.startWorker(Map.of("HERMES_HEALTH_TIMEOUT_SEC", "30"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.ready() && worker.ownedPartitions().size() == Stack.PARTITIONS);
        for (int i = 0; i < Stack.PARTITIONS; i++) {
            clients.add(stack.client());
        }
    }

    @Test
    void twentyConcurrentRequestsForAFreshFamilySpawnOneContainer(Stack stack) {
        UserId user = stack.newUser();

        List<RuntimeHandle> handles = ensureConcurrently(user);

        assertOneSpawnAnsweredToAll(stack, user, handles);
    }

    @Test
    void requestsThatArriveWhileTheSpawnIsStillBootingAllWaitForIt(Stack stack) {
        UserId user = stack.newUser();
        Volumes.slowBoot(stack.docker(), user, 2_000);
        long t0 = System.nanoTime();

        List<RuntimeHandle> handles = ensureConcurrently(user);

        assertOneSpawnAnsweredToAll(stack, user, handles);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(1_900));
        RuntimeHandle cold =
                handles.stream().filter(RuntimeHandle::coldStart).findFirst().orElseThrow();
        assertThat(cold.ready().healthMs()).isGreaterThanOrEqualTo(1_500);
        // the waiters queued behind the spawn are answered right after it, not after another boot
        long coldAnswer = cold.elapsed().toMillis();
        assertThat(handles).allSatisfy(h -> assertThat(h.elapsed().toMillis()).isLessThan(coldAnswer + 1_500));
    }

    /** {@value CALLS} calls at once, spread over clients that wait on different reply partitions. */
    private static List<RuntimeHandle> ensureConcurrently(UserId user) {
        List<CompletableFuture<RuntimeHandle>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(clients.get(i % clients.size()).ensureRuntimeAsync(user, Duration.ofSeconds(60)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .orTimeout(70, TimeUnit.SECONDS)
                .join();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static void assertOneSpawnAnsweredToAll(Stack stack, UserId user, List<RuntimeHandle> handles) {
        assertThat(handles).hasSize(CALLS);
        assertThat(handles)
                .extracting(RuntimeHandle::url)
                .containsOnly(handles.get(0).url());
        assertThat(handles).extracting(RuntimeHandle::containerName).containsOnly(user.containerName());
        assertThat(handles)
                .filteredOn(RuntimeHandle::coldStart)
                .as("exactly one answer is the cold start")
                .hasSize(1);
        assertThat(handles).extracting(h -> h.ready().correlationId()).doesNotHaveDuplicates();
        List<Container> containers = stack.docker()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("hermes.user-id", user.value()))
                .exec();
        assertThat(containers).as("containers of %s", user).hasSize(1);
        assertThat(containers.get(0).getState()).isEqualTo("running");
        assertThat(Agent.healthy(handles.get(0).url())).isTrue();
    }
}
