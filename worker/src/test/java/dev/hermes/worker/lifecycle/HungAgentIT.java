package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.ContainerShell;
import dev.hermes.worker.testing.Deaths;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent frozen with SIGSTOP after it was ready (its port still accepts connections, nothing answers): the owner's
 * liveness checks take it out of the warm set, remove its container (UNHEALTHY) and, the family being active, start a
 * fresh one; no ensure after that gets the frozen URL.
 */
@HermesStack.Use
class HungAgentIT {
    private static final Map<String, String> FAST_LIVENESS = Map.of(
            "HERMES_LIVENESS_INTERVAL_SEC", "1",
            "HERMES_LIVENESS_FAILURES", "2");

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void aFrozenAgentIsAuditedUnhealthyAndReplacedAndTheNextEnsureGetsAFreshHealthyUrl(Stack stack) {
        Worker worker = stack.startWorker(FAST_LIVENESS);
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        String frozenId = Deaths.containerId(stack, user);

        // the agent runs as uid 10000 (the container has no CAP_KILL): the same uid may signal it
        ContainerShell.check(stack.docker(), first.containerName(), "10000:10000", "kill -STOP $(pidof hermes)");
        assertThat(Agent.healthy(first.url())).as("frozen").isFalse();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Deaths.stops(stack, user, StopReason.UNHEALTHY).isEmpty());
        RuntimeStopped stopped = Deaths.stops(stack, user, StopReason.UNHEALTHY).get(0);
        assertThat(stopped.removed()).isTrue();
        assertThat(stopped.dataDeleted()).isFalse();
        assertThat(worker.registry().find(user) == null
                        || !worker.registry().find(user).containerId().equals(frozenId))
                .isTrue();

        // active a moment ago: restarted through its lane without waiting for a request
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Deaths.running(stack, user)
                        && !Deaths.containerId(stack, user).equals(frozenId));
        for (int i = 0; i < 3; i++) {
            RuntimeHandle next = client.ensureRuntime(user, Duration.ofSeconds(60));
            assertThat(Deaths.containerId(stack, user)).isNotEqualTo(frozenId);
            assertThat(Agent.healthy(next.url()))
                    .as("ensure %d answers a healthy URL", i)
                    .isTrue();
        }
        assertThat(stack.docker()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withIdFilter(List.of(frozenId))
                        .exec())
                .as("the frozen container is gone, so its port is free")
                .isEmpty();
        assertThat(worker.meters()
                        .registry()
                        .counter("hermes.reaps", "reason", "UNHEALTHY")
                        .count())
                .isEqualTo(1);
    }
}
