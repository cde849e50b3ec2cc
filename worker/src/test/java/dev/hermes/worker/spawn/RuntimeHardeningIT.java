package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
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

/** Every runtime the worker creates is least-privileged by default, and still boots, seeds and serves. */
@HermesStack.Use
class RuntimeHardeningIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static RuntimeClient client;

    @BeforeAll
    static void startWorker(Stack stack) {
        stack.startWorker(Map.of());
        client = stack.client();
    }

    @Test
    void aRuntimeDropsEveryCapabilityButTheSeedsAndIsBoundedAndRotated(Stack stack) {
        UserId user = stack.newUser();

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        InspectContainerResponse c =
                stack.docker().inspectContainerCmd(handle.containerName()).exec();
        HostConfig host = c.getHostConfig();
        assertThat(Arrays.stream(host.getCapDrop()).map(Enum::name)).containsExactly("ALL");
        assertThat(Arrays.stream(host.getCapAdd()).map(Enum::name))
                .containsExactlyInAnyOrder("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL");
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getMemory()).isEqualTo(1024L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(1024L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(512L);
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig())
                .containsEntry("max-size", "10m")
                .containsEntry("max-file", "3");
        assertThat(host.getReadonlyRootfs()).isNotEqualTo(Boolean.TRUE);
        assertThat(c.getState().getRunning()).isTrue();
        assertThat(Agent.status(handle.url(), "/v1/models", KEYS.keyFor(user))).isEqualTo(200);
    }

    @Test
    void theSeedStillWritesConfigMemoryAndOwnershipUnderTheHardening(Stack stack) {
        UserId user = stack.newUser();

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        assertThat(Volumes.exec(
                        stack.docker(),
                        handle.containerName(),
                        "sh",
                        "-c",
                        "test -s /opt/data/config.yaml"
                                + " && grep -q '" + SeedScript.IDENTITY_BEGIN + "' /opt/data/memories/MEMORY.md"
                                + " && [ \"$(stat -c %u /opt/data/memories/MEMORY.md)\" = 10000 ]"))
                .isZero();
    }
}
