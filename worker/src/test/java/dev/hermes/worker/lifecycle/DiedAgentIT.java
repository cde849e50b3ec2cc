package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.Deaths;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An agent killed behind the worker's back: audited DIED with its exit code, out of the warm set, back if active. */
@HermesStack.Use
class DiedAgentIT {
    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void aKilledAgentOfAnActiveFamilyIsAuditedDiedWithItsExitCodeAndRestarted(Stack stack) {
        Worker worker = stack.startWorker(Map.of("HERMES_LIVENESS_INTERVAL_SEC", "600"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        String containerId = Deaths.containerId(stack, user);
        long startsBefore = Deaths.audit(stack, user).stream()
                .filter(RuntimeStarted.class::isInstance)
                .count();

        stack.docker().killContainerCmd(first.containerName()).exec();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !Deaths.stops(stack, user, StopReason.DIED).isEmpty());
        RuntimeStopped died = Deaths.stops(stack, user, StopReason.DIED).get(0);
        assertThat(died.exitCode()).as("SIGKILL").isEqualTo(137L);
        assertThat(died.removed()).isFalse();
        // restarted through its lane: the same container, started again, and warm again
        await().atMost(Duration.ofSeconds(30)).until(() -> Deaths.running(stack, user));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Deaths.audit(stack, user).stream()
                                .filter(RuntimeStarted.class::isInstance)
                                .count()
                        > startsBefore);
        assertThat(Deaths.containerId(stack, user)).isEqualTo(containerId);
        RuntimeHandle again = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(Agent.healthy(again.url())).isTrue();
        assertThat(worker.registry().find(user)).isNotNull();
        assertThat(Deaths.stops(stack, user, StopReason.DIED)).hasSize(1);
    }

    @Test
    void anAgentRemovedOnPurposeWhileItsFamilyIsActiveIsNotBroughtBack(Stack stack) {
        Worker worker = stack.startWorker(Map.of("HERMES_LIVENESS_INTERVAL_SEC", "600"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));

        // as ops/hermes forget does (docker rm -f): die (exit 137), then destroy
        stack.docker().removeContainerCmd(first.containerName()).withForce(true).exec();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !Deaths.stops(stack, user, StopReason.DIED).isEmpty());
        assertThat(worker.registry().find(user)).as("out of the warm set").isNull();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .until(() -> stack.docker()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withNameFilter(java.util.List.of(first.containerName()))
                        .exec()
                        .isEmpty());
        assertThat(Deaths.audit(stack, user).stream().filter(RuntimeStarted.class::isInstance))
                .as("started once, by the ensure")
                .hasSize(1);
    }

    @Test
    void aKilledAgentOfAFamilyIdleLongerThanTheWindowIsDroppedAndStaysStopped(Stack stack) {
        Worker worker = stack.startWorker(Map.of(
                "RUNTIME_IDLE_SEC", "2",
                "HERMES_REAP_INTERVAL_SEC", "600",
                "HERMES_LIVENESS_INTERVAL_SEC", "600"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(worker.registry().find(user)).isNotNull();
        // idle past the window (the reaper, every 10 min, has not come yet)
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3)).until(() -> true);

        stack.docker().killContainerCmd(first.containerName()).exec();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !Deaths.stops(stack, user, StopReason.DIED).isEmpty());
        assertThat(Deaths.stops(stack, user, StopReason.DIED).get(0).exitCode()).isEqualTo(137L);
        assertThat(worker.registry().find(user)).as("out of the warm set").isNull();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> !Deaths.running(stack, user));
    }
}
