package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.HostDrains;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.SecondEngine;
import dev.hermes.worker.testing.Stack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runtimes placed over two real Docker engines: the shared one (host {@code a}, ports on 127.0.0.1) and a second
 * dockerd this test starts itself (host {@code b}, ports on 127.0.0.2). Capacities are set relative to the families
 * each engine holds already (the shared engine holds other suites' too).
 */
@HermesStack.Use
class MultiHostPlacementIT {
    private static DockerClient engineB;
    private Stack stack;

    @BeforeAll
    static void startTheSecondEngine() {
        SecondEngine.up(Stack.IMAGE);
        engineB = SecondEngine.client();
    }

    @AfterAll
    static void stopTheSecondEngine() throws Exception {
        engineB.close();
        SecondEngine.down();
    }

    @AfterEach
    void removeWhatTheTestMadeOnTheSecondEngine() {
        if (stack != null) {
            stack.stopWorkers();
            SecondEngine.up();
            SecondEngine.removeLabelled("hermes.test=" + stack.testLabel());
        }
    }

    @Test
    void fortyNewFamiliesSpreadOverBothHostsByFreeCapacityAndEachAnswersOnItsHostsAddress(Stack stack) {
        this.stack = stack;
        // free room 30 on a and 10 on b: b's share is a quarter, not a half
        startWorker(stack, 30, 10);
        RuntimeClient client = stack.client();

        List<CompletableFuture<RuntimeHandle>> ensures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ensures.add(client.ensureRuntimeAsync(stack.newUser(), Duration.ofSeconds(120)));
        }
        List<RuntimeHandle> handles =
                ensures.stream().map(CompletableFuture::join).toList();

        List<RuntimeHandle> onB = handles.stream()
                .filter(h -> address(h).equals(SecondEngine.ADDRESS))
                .toList();
        assertThat(handles)
                .allSatisfy(h -> assertThat(Agent.healthy(h.url())).as(h.url()).isTrue());
        assertThat(handles).allSatisfy(h -> assertThat(address(h)).isIn("127.0.0.1", SecondEngine.ADDRESS));
        assertThat(onB.size())
                .as("b's share of 40 by free capacity 30:10 (other suites may add to a meanwhile)")
                .isBetween(6, 15);
        assertThat(handles)
                .allSatisfy(h -> assertThat(runsOnB(h.containerName()))
                        .as(h.containerName() + " is on the engine its URL says")
                        .isEqualTo(address(h).equals(SecondEngine.ADDRESS)));
        assertThat(onB)
                .allSatisfy(h -> assertThat(engineB.inspectContainerCmd(h.containerName())
                                .exec()
                                .getConfig()
                                .getLabels())
                        .containsEntry(ContainerSpec.LABEL_HOST, "b"));
    }

    @Test
    void aFamilyStaysOnItsHostAcrossStopStartRecreateAndANewWorker(Stack stack) throws Exception {
        this.stack = stack;
        UserId family = stack.newUser();
        RuntimeHandle first;
        try (Worker worker = startWorker(stack, 1, 50)) {
            RuntimeClient client = stack.client();
            first = client.ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(first)).isEqualTo(SecondEngine.ADDRESS);

            engineB.stopContainerCmd(first.containerName()).withTimeout(2).exec();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.registry().find(family) == null);
            RuntimeHandle restarted = client.ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(restarted.coldStart()).isTrue();
            assertThat(address(restarted)).isEqualTo(SecondEngine.ADDRESS);
            assertThat(Agent.healthy(restarted.url())).isTrue();

            engineB.removeContainerCmd(first.containerName()).withForce(true).exec();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.registry().find(family) == null);
            RuntimeHandle recreated = client.ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(recreated)).isEqualTo(SecondEngine.ADDRESS);
            assertThat(runsOnB(recreated.containerName())).isTrue();
        }
        engineB.removeContainerCmd(first.containerName()).withForce(true).exec();

        // a new worker would put a new family on a now (b is nearly full); this one's volume keeps it on b
        try (Worker worker = startWorker(stack, 100, 1)) {
            RuntimeHandle again = stack.client().ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(again)).isEqualTo(SecondEngine.ADDRESS);
            assertThat(Agent.healthy(again.url())).isTrue();
            RuntimeHandle newcomer = stack.client().ensureRuntime(stack.newUser(), Duration.ofSeconds(60));
            assertThat(address(newcomer)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void whenTheSecondEngineStopsOnlyItsFamiliesAreHostUnavailableUntilItIsBack(Stack stack) throws Exception {
        this.stack = stack;
        try (Worker worker = startWorker(stack, 10, 10)) {
            RuntimeClient client = stack.client();
            // as much room on each: new families alternate, unless other suites fill the shared engine meanwhile
            List<RuntimeHandle> onA = new ArrayList<>();
            List<RuntimeHandle> onB = new ArrayList<>();
            while ((onA.size() < 2 || onB.isEmpty()) && onA.size() + onB.size() < 12) {
                RuntimeHandle handle = client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60));
                (address(handle).equals(SecondEngine.ADDRESS) ? onB : onA).add(handle);
            }
            assertThat(onA).as("families on a").hasSizeGreaterThanOrEqualTo(2);
            assertThat(onB).as("families on b").isNotEmpty();
            // one of a's families is stopped: its next ensure is cold
            RuntimeHandle coldOnA = onA.get(0);
            stack.docker()
                    .stopContainerCmd(coldOnA.containerName())
                    .withTimeout(2)
                    .exec();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.registry().find(coldOnA.userId()) == null);

            SecondEngine.down();

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> client.ensureRuntime(onB.get(0).userId(), Duration.ofSeconds(20)))
                    .isInstanceOfSatisfying(RuntimeFailedException.class, f -> {
                        assertThat(f.reason()).isEqualTo(FailureReason.HOST_UNAVAILABLE);
                        assertThat(f.retryAfter()).isPresent();
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .as("answered after HERMES_DOCKER_WAIT_SEC=2, not at the 20 s deadline")
                    .isLessThan(Duration.ofSeconds(6));

            long t1 = System.nanoTime();
            RuntimeHandle warm = client.ensureRuntime(onA.get(1).userId(), Duration.ofSeconds(10));
            assertThat(warm.coldStart()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(2));
            RuntimeHandle cold = client.ensureRuntime(coldOnA.userId(), Duration.ofSeconds(30));
            assertThat(cold.coldStart()).isTrue();
            assertThat(Agent.healthy(cold.url())).isTrue();
            RuntimeHandle newcomer = client.ensureRuntime(stack.newUser(), Duration.ofSeconds(30));
            assertThat(address(newcomer))
                    .as("b is down: the new family goes to a")
                    .isEqualTo("127.0.0.1");
            assertThat(Agent.healthy(newcomer.url())).isTrue();
            String base = "http://127.0.0.1:" + worker.httpPort();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(Agent.get(base, "/metrics", null).body())
                        .contains("hermes_docker_host_up{host=\"b\"} 0.0", "hermes_docker_host_up{host=\"a\"} 1.0");
                assertThat(Agent.get(base, "/readyz", null).body()).contains("Docker hosts unreachable: b");
            });

            SecondEngine.up();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                RuntimeHandle back = client.ensureRuntime(onB.get(0).userId(), Duration.ofSeconds(20));
                assertThat(address(back)).isEqualTo(SecondEngine.ADDRESS);
                assertThat(Agent.healthy(back.url())).isTrue();
            });
        }
    }

    @Test
    void aDrainedHostGetsNoNewFamiliesAndItsOwnStayUntilUndrained(Stack stack) {
        this.stack = stack;
        try (Worker worker = startWorker(stack, 1, 50)) {
            RuntimeClient client = stack.client();
            RuntimeHandle before = client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60));
            assertThat(address(before)).as("b has the most room").isEqualTo(SecondEngine.ADDRESS);
            HostDrains drains = new HostDrains(Jdbi.create(stack.pgUrl(), "postgres", ""));

            drains.drain("b", Instant.now(), "it");
            // b has by far the most room: from the moment the drain is read, every new family goes to a all the same
            await().atMost(dev.hermes.worker.docker.hosts.DrainedHosts.REFRESH.plusSeconds(10))
                    .until(() -> address(client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60)))
                            .equals("127.0.0.1"));
            List<RuntimeHandle> whileDrained = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                whileDrained.add(client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60)));
            }
            RuntimeHandle ownStays = client.ensureRuntime(before.userId(), Duration.ofSeconds(60));

            assertThat(whileDrained).allSatisfy(h -> assertThat(address(h)).isEqualTo("127.0.0.1"));
            assertThat(address(ownStays)).isEqualTo(SecondEngine.ADDRESS);
            assertThat(Agent.healthy(ownStays.url())).isTrue();

            drains.undrain("b");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () -> assertThat(address(client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60))))
                                    .isEqualTo(SecondEngine.ADDRESS));
        }
    }

    /** A worker over both engines, with {@code freeOnA} and {@code freeOnB} families of room left on each. */
    private static Worker startWorker(Stack stack, int freeOnA, int freeOnB) {
        int onA = familyVolumes(stack.docker());
        int onB = familyVolumes(engineB);
        String hosts = "a=unix:///var/run/docker.sock@127.0.0.1/" + (onA + freeOnA) + ",b=" + SecondEngine.ENDPOINT
                + "@" + SecondEngine.ADDRESS + "/" + (onB + freeOnB);
        Worker worker = stack.startWorker(Map.of(
                "HERMES_DOCKER_HOSTS", hosts, "HERMES_DOCKER_WAIT_SEC", "2", "HERMES_LIVENESS_INTERVAL_SEC", "600"));
        await().atMost(Duration.ofSeconds(30)).until(worker::ready);
        return worker;
    }

    private static int familyVolumes(DockerClient docker) {
        var volumes = docker.listVolumesCmd()
                .withFilter("name", List.of("hermes-user-"))
                .exec()
                .getVolumes();
        return volumes == null ? 0 : volumes.size();
    }

    private static boolean runsOnB(String containerName) {
        try {
            return Boolean.TRUE.equals(
                    engineB.inspectContainerCmd(containerName).exec().getState().getRunning());
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    private static String address(RuntimeHandle handle) {
        return URI.create(handle.url()).getHost();
    }
}
