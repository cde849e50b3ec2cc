package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.DeafDocker;
import dev.hermes.worker.testing.Deaths;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A death while the worker's Docker event stream is cut is never sent to it: the re-list when the stream opens again
 * finds it, and until then no ensure is answered from memory alone. Liveness checks are off (10 min), so nothing else
 * could have found it.
 */
@HermesStack.Use
class EventGapIT {
    private static Worker startWorker(Stack stack, AtomicReference<DeafDocker> deaf) {
        Map<String, String> env = new HashMap<>();
        env.put("HERMES_WORKER_ID", stack.topics().prefix() + "gap-" + System.nanoTime());
        env.put("HERMES_LIVENESS_INTERVAL_SEC", "600");
        return new Wiring(stack.workerConfig(env)) {
            @Override
            protected Docker docker() {
                DeafDocker docker = new DeafDocker(super.docker());
                deaf.set(docker);
                return docker;
            }
        }.start();
    }

    @Test
    void aDeathInTheGapIsFoundByTheReListWhenTheStreamIsBack(Stack stack) {
        AtomicReference<DeafDocker> deaf = new AtomicReference<>();
        try (Worker worker = startWorker(stack, deaf)) {
            RuntimeClient client = stack.client();
            UserId user = stack.newUser();
            RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
            String containerId = Deaths.containerId(stack, user);
            await().atMost(Duration.ofSeconds(10)).until(worker::ready);

            deaf.get().deafen();
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().unverified());
            stack.docker().killContainerCmd(first.containerName()).exec();
            await().atMost(Duration.ofSeconds(5)).until(() -> !Deaths.running(stack, user));
            // the blind spot: nothing told the worker
            assertThat(worker.registry().find(user)).isNotNull();
            assertThat(Deaths.stops(stack, user, StopReason.DIED)).isEmpty();

            deaf.get().hear();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !Deaths.stops(stack, user, StopReason.DIED).isEmpty());
            RuntimeStopped died = Deaths.stops(stack, user, StopReason.DIED).get(0);
            assertThat(died.exitCode()).as("read from the stopped container").isEqualTo(137L);
            assertThat(worker.registry().unverified()).isFalse();
            // the family was active: restarted through its lane
            await().atMost(Duration.ofSeconds(30)).until(() -> Deaths.running(stack, user));
            assertThat(Deaths.containerId(stack, user)).isEqualTo(containerId);
            RuntimeHandle again = client.ensureRuntime(user, Duration.ofSeconds(60));
            assertThat(Agent.healthy(again.url())).isTrue();
        }
    }

    @Test
    void whileTheStreamIsCutAnEnsureChecksTheContainerAndNeverAnswersADeadUrl(Stack stack) {
        AtomicReference<DeafDocker> deaf = new AtomicReference<>();
        try (Worker worker = startWorker(stack, deaf)) {
            RuntimeClient client = stack.client();
            UserId user = stack.newUser();
            RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));

            deaf.get().deafen();
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().unverified());
            stack.docker().killContainerCmd(first.containerName()).exec();
            await().atMost(Duration.ofSeconds(5)).until(() -> !Deaths.running(stack, user));

            RuntimeHandle during = client.ensureRuntime(user, Duration.ofSeconds(60));

            assertThat(Agent.healthy(during.url()))
                    .as("a URL that answers, not the dead one")
                    .isTrue();
            assertThat(during.coldStart()).isTrue();
            assertThat(Deaths.stops(stack, user, StopReason.DIED))
                    .singleElement()
                    .satisfies(s -> assertThat(s.exitCode()).isEqualTo(137L));
            deaf.get().hear();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !worker.registry().unverified());
            assertThat(Deaths.stops(stack, user, StopReason.DIED)).hasSize(1);
        }
    }
}
