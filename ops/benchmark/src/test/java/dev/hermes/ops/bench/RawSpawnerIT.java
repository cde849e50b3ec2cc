package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.RuntimeLimits;
import dev.hermes.worker.spawn.ContainerSpecFactory;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The raw baseline attaches to an inter-container-traffic-off bridge by id, like the worker, and cleans it up. */
@HermesStack.Use
class RawSpawnerIT {

    @Test
    void aRawContainerJoinsAnIccOffBridgeThatTheJanitorRemoves(Stack stack) {
        String runId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String fleet = "hermes-bench-raw-" + runId;
        ContainerSpecFactory specs = new ContainerSpecFactory(
                ApiKeys.fromSecret(Stack.SECRET),
                Stack.IMAGE,
                stack.pluginsDir(),
                8642,
                "127.0.0.1",
                fleet,
                Map.of(Janitor.LABEL_BENCH, "raw", Janitor.LABEL_RUN, runId, "hermes.test", stack.testLabel()),
                RuntimeLimits.defaults());
        GlobalSettings settings = new GlobalSettings(
                "openrouter", "nous/hermes", "https://example/api", Optional.empty(), 1, Instant.EPOCH, "it");
        Janitor janitor = new Janitor(stack.docker(), List.of(), null, runId);
        RawSpawner raw = new RawSpawner(stack.docker(), specs, settings, janitor, runId);
        try {
            ContainerSpec spec = raw.newSpec();
            String url = raw.spawn(spec);

            assertThat(url).startsWith("http://127.0.0.1:");
            List<Network> networks = networksNamed(stack, "hermes-" + fleet);
            assertThat(networks).hasSize(1);
            Network network = networks.get(0);
            assertThat(network.getOptions()).containsEntry("com.docker.network.bridge.enable_icc", "false");
            HostConfig host =
                    stack.docker().inspectContainerCmd(spec.name()).exec().getHostConfig();
            assertThat(host.getNetworkMode()).isEqualTo(network.getId());
            // the baseline runs under the same limits as the worker's runtimes, so the figures compare like with like
            assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
            assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
            assertThat(host.getMemory()).isEqualTo(RuntimeLimits.defaults().memoryBytes());
            assertThat(host.getPidsLimit()).isEqualTo(RuntimeLimits.defaults().pidsLimit());
        } finally {
            janitor.cleanRaw();
            janitor.cleanRawNetwork();
        }
        assertThat(networksNamed(stack, "hermes-" + fleet)).isEmpty();
    }

    private static List<Network> networksNamed(Stack stack, String name) {
        return stack.docker().listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name))
                .toList();
    }
}
