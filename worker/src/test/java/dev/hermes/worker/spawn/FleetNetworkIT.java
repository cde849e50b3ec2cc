package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Network;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.FleetNetwork;
import dev.hermes.worker.docker.RuntimeNetwork;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runtimes sit on their fleet's bridge with inter-container traffic off. Proven from the network's configuration and
 * the engine's packet-filter rules only: no test sends traffic to a bridge address.
 */
@HermesStack.Use
class FleetNetworkIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);

    @Test
    void aRuntimeIsAttachedToExactlyItsFleetsNetworkWhichHasInterContainerTrafficOff(Stack stack) {
        stack.startWorker();
        RuntimeClient client = stack.client();
        UserId first = stack.newUser();
        UserId second = stack.newUser();

        RuntimeHandle a = client.ensureRuntime(first, Duration.ofSeconds(60));
        RuntimeHandle b = client.ensureRuntime(second, Duration.ofSeconds(60));

        Network network = onlyNetworkOf(stack, "hermes-" + stack.fleet());
        assertThat(network.getDriver()).isEqualTo("bridge");
        assertThat(network.getInternal())
                .as("agents must still reach the internet")
                .isNotEqualTo(Boolean.TRUE);
        assertThat(network.getOptions()).containsEntry("com.docker.network.bridge.enable_icc", "false");
        assertThat(network.getLabels())
                .containsEntry("hermes.managed", "true")
                .containsEntry("hermes.fleet", stack.fleet())
                .containsEntry("hermes.test", stack.testLabel());
        for (RuntimeHandle handle : List.of(a, b)) {
            InspectContainerResponse c =
                    stack.docker().inspectContainerCmd(handle.containerName()).exec();
            assertThat(c.getHostConfig().getNetworkMode()).isEqualTo(network.getId());
            assertThat(c.getNetworkSettings().getNetworks()).containsOnlyKeys(network.getName());
            assertThat(c.getNetworkSettings()
                            .getNetworks()
                            .get(network.getName())
                            .getNetworkID())
                    .isEqualTo(network.getId());
            assertThat(network.getContainers()).containsKey(c.getId());
            assertThat(handle.url()).startsWith("http://127.0.0.1:");
        }
        assertThat(Agent.status(a.url(), "/v1/models", KEYS.keyFor(first))).isEqualTo(200);
        assertThat(Agent.status(b.url(), "/v1/models", KEYS.keyFor(second))).isEqualTo(200);

        String rules = EngineRules.saved();
        String bridge = "br-" + network.getId().substring(0, 12);
        assertThat(rules)
                .as("the engine drops what one container of %s sends to another", bridge)
                .contains("-A FORWARD -i " + bridge + " -o " + bridge + " -j DROP")
                .as("and lets the runtimes' traffic out")
                .contains("-A FORWARD -i " + bridge + " ! -o " + bridge + " -j ACCEPT")
                .doesNotContain("-A FORWARD -i " + bridge + " -o " + bridge + " -j ACCEPT");
        stack.stopWorkers();
    }

    @Test
    void resolversRacingOnOneEngineAllAttachToOneNetworkAndLeaveNoDuplicate(Stack stack) throws Exception {
        for (int round = 0; round < 3; round++) {
            RuntimeNetwork network =
                    RuntimeNetwork.forFleet(stack.fleet() + "-race-" + round, Map.of("hermes.test", stack.testLabel()));
            int resolvers = 6;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(resolvers);
            List<CompletableFuture<String>> ids = new ArrayList<>();
            try {
                for (int i = 0; i < resolvers; i++) {
                    FleetNetwork resolver =
                            new FleetNetwork(stack.docker(), network, Clock.systemUTC(), FleetNetwork.SETTLE);
                    ids.add(CompletableFuture.supplyAsync(
                            () -> {
                                awaitGo(go);
                                return resolver.id();
                            },
                            pool));
                }
                go.countDown();
                Set<String> distinct = ids.stream().map(CompletableFuture::join).collect(Collectors.toSet());

                assertThat(distinct)
                        .as("round %d: every resolver picked the same network", round)
                        .hasSize(1);
                assertThat(onlyNetworkOf(stack, network.name()).getId())
                        .as("round %d: the losing creates were removed", round)
                        .isEqualTo(distinct.iterator().next());
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void workersOfANewFleetSpawningTogetherPutEveryRuntimeOnOneNetwork(Stack stack) {
        Stack fleet = stack.anotherFleet("FleetNetworkRace");
        for (int i = 0; i < 3; i++) {
            fleet.startWorker();
        }
        RuntimeClient client = fleet.client();
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(fleet.newUser());
        }

        List<CompletableFuture<RuntimeHandle>> ensured = users.stream()
                .map(user -> client.ensureRuntimeAsync(user, Duration.ofSeconds(90)))
                .toList();
        List<RuntimeHandle> handles =
                ensured.stream().map(CompletableFuture::join).toList();

        Network network = onlyNetworkOf(fleet, "hermes-" + fleet.fleet());
        assertThat(network.getOptions()).containsEntry("com.docker.network.bridge.enable_icc", "false");
        assertThat(network.getContainers()).hasSize(users.size());
        for (RuntimeHandle handle : handles) {
            assertThat(fleet.docker()
                            .inspectContainerCmd(handle.containerName())
                            .exec()
                            .getHostConfig()
                            .getNetworkMode())
                    .isEqualTo(network.getId());
        }
        assertThat(network.getName()).isNotEqualTo("hermes-" + stack.fleet());
        fleet.stopWorkers();
    }

    @Test
    void aWorkerWhoseNetworkWasRemovedMakesItAgainAndRecreatesAStoppedRuntimeOntoIt(Stack stack) {
        Stack fleet = stack.anotherFleet("FleetNetworkGone");
        fleet.startWorker();
        RuntimeClient client = fleet.client();
        UserId stopped = fleet.newUser();
        UserId removed = fleet.newUser();
        client.ensureRuntime(stopped, Duration.ofSeconds(60));
        client.ensureRuntime(removed, Duration.ofSeconds(60));
        String before = onlyNetworkOf(fleet, "hermes-" + fleet.fleet()).getId();
        String stoppedId = fleet.docker()
                .inspectContainerCmd(stopped.containerName())
                .exec()
                .getId();
        fleet.docker().stopContainerCmd(stopped.containerName()).withTimeout(2).exec();
        fleet.removeQuietly(removed);
        fleet.docker().removeNetworkCmd(before).exec();

        UserId fresh = fleet.newUser();
        RuntimeHandle handle = client.ensureRuntime(fresh, Duration.ofSeconds(60));

        Network again = onlyNetworkOf(fleet, "hermes-" + fleet.fleet());
        assertThat(again.getId()).isNotEqualTo(before);
        assertThat(again.getOptions()).containsEntry("com.docker.network.bridge.enable_icc", "false");
        assertThat(networkModeOf(fleet, handle.containerName())).isEqualTo(again.getId());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            RuntimeHandle back = client.ensureRuntime(stopped, Duration.ofSeconds(30));
            assertThat(networkModeOf(fleet, back.containerName())).isEqualTo(again.getId());
            assertThat(fleet.docker()
                            .inspectContainerCmd(back.containerName())
                            .exec()
                            .getId())
                    .as("created again: a stopped container cannot move to another network")
                    .isNotEqualTo(stoppedId);
            assertThat(Agent.status(back.url(), "/v1/models", KEYS.keyFor(stopped)))
                    .isEqualTo(200);
        });
        fleet.stopWorkers();
    }

    private static String networkModeOf(Stack stack, String container) {
        return stack.docker()
                .inspectContainerCmd(container)
                .exec()
                .getHostConfig()
                .getNetworkMode();
    }

    /** The one network named exactly {@code name} (Docker's name filter matches substrings), inspected. */
    private static Network onlyNetworkOf(Stack stack, String name) {
        List<Network> named = stack.docker().listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name))
                .toList();
        assertThat(named).as("networks named %s", name).hasSize(1);
        return stack.docker()
                .inspectNetworkCmd()
                .withNetworkId(named.get(0).getId())
                .exec();
    }

    private static void awaitGo(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
