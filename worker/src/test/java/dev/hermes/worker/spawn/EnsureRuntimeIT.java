package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class EnsureRuntimeIT {
    private static RuntimeClient client;
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);

    @BeforeAll
    static void startWorker(Stack stack) {
        stack.startWorker(Map.of("HERMES_HEALTH_TIMEOUT_SEC", "3"));
        client = stack.client();
    }

    @Test
    void coldEnsureCreatesTheContainerExactlyAsTheSeedDescribes(Stack stack) {
        UserId user = stack.newUser();

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        assertThat(handle.coldStart()).isTrue();
        assertThat(handle.containerName())
                .isEqualTo("hermes-user-" + user.value().replace("-", ""));
        InspectContainerResponse c =
                stack.docker().inspectContainerCmd(handle.containerName()).exec();
        assertThat(c.getState().getRunning()).isTrue();
        assertThat(c.getConfig().getEntrypoint()).containsExactlyElementsOf(SeedScript.ENTRYPOINT);
        assertThat(c.getConfig().getLabels())
                .containsEntry("hermes.managed", "true")
                .containsEntry("hermes.user-id", user.value())
                .containsKeys("hermes.settings-version", "hermes.config-hash");
        assertThat(c.getHostConfig().getInit()).isTrue();
        assertThat(c.getMounts())
                .anySatisfy(m -> {
                    assertThat(m.getName()).isEqualTo(user.volumeName());
                    assertThat(m.getDestination().getPath()).isEqualTo("/opt/data");
                    assertThat(m.getRW()).isTrue();
                })
                .anySatisfy(m -> {
                    assertThat(m.getSource()).isEqualTo(stack.pluginsDir().toString());
                    assertThat(m.getDestination().getPath()).isEqualTo("/opt/data/plugins");
                    assertThat(m.getRW()).isFalse();
                });
        Ports.Binding binding =
                c.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8642))[0];
        assertThat(binding.getHostIp()).isEqualTo("127.0.0.1");
        Ports.Binding published =
                c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8642))[0];
        assertThat(handle.url()).isEqualTo("http://127.0.0.1:" + published.getHostPortSpec());
        assertThat(Arrays.asList(c.getConfig().getEnv()))
                .contains("API_SERVER_HOST=0.0.0.0", "API_SERVER_PORT=8642", "API_SERVER_KEY=" + KEYS.keyFor(user));
        assertThat(Agent.get(handle.url(), "/health", null).body()).contains("\"platform\":\"hermes-agent\"");
        assertThat(Agent.status(handle.url(), "/v1/models", KEYS.keyFor(user))).isEqualTo(200);
        assertThat(Agent.status(handle.url(), "/v1/models", "wrong-key")).isEqualTo(401);
        assertThat(Agent.status(handle.url(), "/v1/models", null)).isEqualTo(401);
    }

    @Test
    void warmEnsureAnswersTheSameUrlWithoutANewContainerAndFarFaster(Stack stack) {
        UserId user = stack.newUser();
        RuntimeHandle cold = client.ensureRuntime(user, Duration.ofSeconds(60));
        String containerId =
                stack.docker().inspectContainerCmd(cold.containerName()).exec().getId();

        RuntimeHandle warm = client.ensureRuntime(user, Duration.ofSeconds(10));

        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.url()).isEqualTo(cold.url());
        assertThat(stack.docker()
                        .inspectContainerCmd(cold.containerName())
                        .exec()
                        .getId())
                .isEqualTo(containerId);
        assertThat(stack.docker()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of("hermes.user-id", user.value()))
                        .exec())
                .hasSize(1);
        assertThat(warm.elapsed()).isLessThan(cold.elapsed());
        assertThat(warm.ready().totalMs()).isLessThan(cold.ready().totalMs() / 2 + 1);
    }

    @Test
    void aRuntimeStoppedBetweenCallsIsRestartedWithItsData(Stack stack) {
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(Volumes.exec(
                        stack.docker(),
                        first.containerName(),
                        "sh",
                        "-c",
                        "echo kept-across-restarts > /opt/data/memories/notes.txt"))
                .isZero();
        String containerId =
                stack.docker().inspectContainerCmd(first.containerName()).exec().getId();
        stack.docker().stopContainerCmd(first.containerName()).withTimeout(2).exec();

        RuntimeHandle second = client.ensureRuntime(user, Duration.ofSeconds(60));

        assertThat(second.coldStart()).isTrue();
        assertThat(stack.docker()
                        .inspectContainerCmd(second.containerName())
                        .exec()
                        .getId())
                .isEqualTo(containerId);
        assertThat(Agent.healthy(second.url())).isTrue();
        assertThat(Agent.get(second.url(), "/stub/file/memories/notes.txt", KEYS.keyFor(user))
                        .body())
                .isEqualTo("kept-across-restarts\n");
    }

    @Test
    void anImageThatNeverBecomesHealthyFailsWithHealthTimeoutAndIsStopped(Stack stack) {
        UserId user = stack.newUser();
        Volumes.neverHealthy(stack.docker(), user);
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> client.ensureRuntime(user, Duration.ofSeconds(30)))
                .isInstanceOf(dev.hermes.client.RuntimeFailedException.class)
                .hasMessageContaining("HEALTH_TIMEOUT")
                .satisfies(e -> assertThat(((dev.hermes.client.RuntimeFailedException) e).reason())
                        .isEqualTo(dev.hermes.schemas.FailureReason.HEALTH_TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertThat(stack.docker()
                        .inspectContainerCmd(user.containerName())
                        .exec()
                        .getState()
                        .getRunning())
                .isFalse();
    }

    @Test
    void aTimeoutNamesTheUserAndHowLongItWaited(Stack stack) {
        UserId user = UserId.random();
        try (RuntimeClient nobodyListens =
                new RuntimeClient(dev.hermes.client.RuntimeClientConfig.of(stack.bootstrapServers(), "it")
                        .withTopics(new dev.hermes.schemas.Topics("it-nobody-listens.")))) {
            assertThatThrownBy(() -> nobodyListens.ensureRuntime(user, Duration.ofMillis(700)))
                    .isInstanceOf(dev.hermes.client.EnsureTimeoutException.class)
                    .hasMessageContaining(user.value())
                    .hasMessageContaining("700 ms");
        }
    }

    @Test
    void repliesToBackToBackWarmRequestsAreNeverLost(Stack stack) {
        UserId user = stack.newUser();
        String url = client.ensureRuntime(user, Duration.ofSeconds(60)).url();
        for (int i = 0; i < 200; i++) {
            assertThat(client.ensureRuntime(user, Duration.ofSeconds(10)).url()).isEqualTo(url);
        }
    }
}
