package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeMoved;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.ContainerShell;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.SecondEngine;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import dev.hermes.worker.testing.WorkerProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Family moves between two real Docker engines (host {@code a}: the shared one, 127.0.0.1; host {@code b}: a second
 * dockerd, 127.0.0.2), asked for through family_moves as {@code ops/hermes hosts move} does.
 */
@HermesStack.Use
class VolumeMoveIT {
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
    void removeWhatTheTestMade() {
        if (stack != null) {
            stack.stopWorkers();
            SecondEngine.up();
            SecondEngine.removeLabelled("hermes.test=" + stack.testLabel());
            for (var c : stack.docker()
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of("hermes.test", stack.testLabel()))
                    .exec()) {
                stack.docker().removeContainerCmd(c.getId()).withForce(true).exec();
            }
        }
    }

    @Test
    void fiveStoppedFamiliesMoveFromBToAWithTheirDataAndAnswerThere(Stack stack) {
        this.stack = stack;
        Worker worker = startWorker(stack);
        RuntimeClient client = stack.client();
        FamilyMoves moves = moves(stack);
        List<UserId> families = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UserId family = stack.newUser();
            RuntimeHandle handle = client.ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(handle)).as("b has the most room").isEqualTo(SecondEngine.ADDRESS);
            writeMarker(engineB, family);
            families.add(family);
        }
        for (UserId family : families) {
            engineB.stopContainerCmd(family.containerName()).withTimeout(2).exec();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> families.stream().allMatch(f -> worker.registry().find(f) == null));

        for (UserId family : families) {
            assertThat(moves.request(family.value(), "b", Instant.now(), "it")).isTrue();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (UserId family : families) {
                FamilyMoves.Move move = moves.of(family.value()).orElseThrow();
                assertThat(move.state()).as(String.valueOf(move.reason())).isEqualTo(FamilyMoves.State.MOVED);
                assertThat(move.toHost()).isEqualTo("a");
            }
        });
        for (UserId family : families) {
            assertThat(volumeOn(engineB, family)).as("no volume left on b").isFalse();
            assertThat(containerOn(engineB, family.containerName())).isFalse();
            assertThat(containerOn(engineB, "hermes-move-" + family.hex()))
                    .as("no carrier on b")
                    .isFalse();
            assertThat(containerOn(stack.docker(), "hermes-move-" + family.hex()))
                    .as("no carrier on a")
                    .isFalse();
            Optional<RuntimeMoved> moved = audited(stack, family);
            assertThat(moved).as("RuntimeMoved audited").isPresent();
            assertThat(moved.get().fromHost()).isEqualTo("b");
            assertThat(moved.get().toHost()).isEqualTo("a");
            assertThat(moved.get().bytesCopied()).isPositive();
            assertThat(moved.get().requestedBy()).isEqualTo("it");

            RuntimeHandle there = client.ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(there)).isEqualTo("127.0.0.1");
            assertThat(Agent.healthy(there.url())).isTrue();
            assertThat(ContainerShell.check(stack.docker(), family.containerName(), "0", "cat /opt/data/marker"))
                    .isEqualTo(family.value() + "\n");
            assertThat(ContainerShell.check(
                                    stack.docker(), family.containerName(), "0", "stat -c %u:%g /opt/data/marker")
                            .trim())
                    .as("owner kept")
                    .isEqualTo(markerOwner);
        }
    }

    @Test
    void aRunningFamilysMoveFailsNotStoppedAndItKeepsAnsweringWarm(Stack stack) {
        this.stack = stack;
        startWorker(stack);
        RuntimeClient client = stack.client();
        UserId family = stack.newUser();
        RuntimeHandle handle = client.ensureRuntime(family, Duration.ofSeconds(60));
        assertThat(address(handle)).isEqualTo(SecondEngine.ADDRESS);
        FamilyMoves moves = moves(stack);

        moves.request(family.value(), "b", Instant.now(), "it");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> moves.of(family.value()).orElseThrow().finished());
        FamilyMoves.Move move = moves.of(family.value()).orElseThrow();
        assertThat(move.state()).isEqualTo(FamilyMoves.State.FAILED);
        assertThat(move.reason()).startsWith("NOT_STOPPED");
        RuntimeHandle warm = client.ensureRuntime(family, Duration.ofSeconds(10));
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.url()).isEqualTo(handle.url());
        assertThat(Agent.healthy(warm.url())).isTrue();
        assertThat(volumeOn(stack.docker(), family)).as("nothing made on a").isFalse();
    }

    @Test
    void anUnfinishedMoveIsUndoneTheFamilyAnswersFromBAndItsPendingMoveThenCompletes(Stack stack) throws Exception {
        this.stack = stack;
        UserId family = stack.newUser();
        try (Worker first = startWorker(stack)) {
            RuntimeHandle handle = stack.client().ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(handle)).isEqualTo(SecondEngine.ADDRESS);
            writeMarker(engineB, family);
            engineB.stopContainerCmd(family.containerName()).withTimeout(2).exec();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.registry().find(family) == null);
        }
        stack.stopWorkers();
        // what a worker killed in the middle of the copy leaves on a: the labelled copy, a carrier, half a file
        DockerClient engineA = stack.docker();
        engineA.createVolumeCmd()
                .withName(family.volumeName())
                .withLabels(Map.of("hermes.move-from", "b", "hermes.move-at", "1", "hermes.test", stack.testLabel()))
                .exec();
        String carrier = engineA.createContainerCmd(Stack.IMAGE)
                .withName("hermes-move-" + family.hex())
                .withLabels(Map.of("hermes.move-carrier", "true", "hermes.test", stack.testLabel()))
                .withEntrypoint("/bin/true")
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(new Bind(family.volumeName(), new Volume("/opt/data"))))
                .exec()
                .getId();
        assertThat(carrier).isNotBlank();
        writeOnce(engineA, family, stack.testLabel(), "echo half-of-it > /opt/data/half");
        FamilyMoves moves = moves(stack);

        Worker second = startWorker(stack);
        RuntimeHandle fromB = stack.client().ensureRuntime(family, Duration.ofSeconds(60));

        assertThat(address(fromB)).as("never the half copy on a").isEqualTo(SecondEngine.ADDRESS);
        assertThat(Agent.healthy(fromB.url())).isTrue();
        assertThat(ContainerShell.check(engineB, family.containerName(), "0", "cat /opt/data/marker"))
                .isEqualTo(family.value() + "\n");
        assertThat(volumeOn(engineA, family))
                .as("the unfinished copy is removed")
                .isFalse();
        assertThat(containerOn(engineA, "hermes-move-" + family.hex())).isFalse();

        engineB.stopContainerCmd(family.containerName()).withTimeout(2).exec();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.registry().find(family) == null);
        moves.request(family.value(), "b", Instant.now(), "it");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> moves.of(family.value()).orElseThrow().finished());
        assertThat(moves.of(family.value()).orElseThrow().state()).isEqualTo(FamilyMoves.State.MOVED);
        RuntimeHandle onA = stack.client().ensureRuntime(family, Duration.ofSeconds(60));
        assertThat(address(onA)).isEqualTo("127.0.0.1");
        assertThat(ContainerShell.check(engineA, family.containerName(), "0", "cat /opt/data/marker"))
                .isEqualTo(family.value() + "\n");
        assertThat(ContainerShell.run(engineA, family.containerName(), "0", "test -e /opt/data/half")
                        .exitCode())
                .as("the half file of the unfinished copy is gone")
                .isNotZero();
    }

    @Test
    void aWorkerKilledInTheMiddleOfAMoveLeavesTheFamilyWholeAndTheNextOwnerFinishesIt(Stack stack) {
        this.stack = stack;
        UserId family = stack.newUser();
        Map<String, String> env = workerEnv(stack);
        try (Worker first = startWorker(stack)) {
            RuntimeHandle handle = stack.client().ensureRuntime(family, Duration.ofSeconds(60));
            assertThat(address(handle)).isEqualTo(SecondEngine.ADDRESS);
            writeMarker(engineB, family);
            // ~200 MB, so that the copy takes a while
            ContainerShell.check(engineB, family.containerName(), "0", "head -c 200000000 /dev/zero > /opt/data/big");
            engineB.stopContainerCmd(family.containerName()).withTimeout(2).exec();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.registry().find(family) == null);
        }
        stack.stopWorkers();
        Map<String, String> fastFailover = new java.util.HashMap<>(env);
        fastFailover.put("HERMES_SESSION_TIMEOUT_SEC", "6");
        WorkerProcess process = WorkerProcess.start(stack, fastFailover).waitReady(Duration.ofSeconds(60));
        FamilyMoves moves = moves(stack);
        DockerClient engineA = stack.docker();

        moves.request(family.value(), "b", Instant.now(), "it");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> containerOn(engineA, "hermes-move-" + family.hex()));
        process.sigkill();

        assertThat(moves.of(family.value()).orElseThrow().state())
                .as("killed before it finished")
                .isEqualTo(FamilyMoves.State.PENDING);
        assertThat(volumeOn(engineB, family)).as("the family is whole on b").isTrue();
        Worker next = stack.startWorker(fastFailover);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> moves.of(family.value()).orElseThrow().finished());
        assertThat(moves.of(family.value()).orElseThrow().state()).isEqualTo(FamilyMoves.State.MOVED);
        assertThat(next.ready()).isTrue();
        RuntimeHandle onA = stack.client().ensureRuntime(family, Duration.ofSeconds(60));
        assertThat(address(onA)).isEqualTo("127.0.0.1");
        assertThat(ContainerShell.check(engineA, family.containerName(), "0", "cat /opt/data/marker"))
                .isEqualTo(family.value() + "\n");
        assertThat(ContainerShell.check(engineA, family.containerName(), "0", "wc -c < /opt/data/big")
                        .trim())
                .isEqualTo("200000000");
        assertThat(volumeOn(engineB, family)).isFalse();
        assertThat(containerOn(engineA, "hermes-move-" + family.hex())).isFalse();
        assertThat(containerOn(engineB, "hermes-move-" + family.hex())).isFalse();
    }

    @Test
    void aMoveOffAHostThatNeverAnswersIsFinishedExpiredOnceItHasBeenPendingTooLong(Stack stack) {
        this.stack = stack;
        Map<String, String> env = new HashMap<>(workerEnv(stack));
        // host c: an engine that is never there (no socket); its families cannot move until it answers
        env.put(
                "HERMES_DOCKER_HOSTS",
                env.get("HERMES_DOCKER_HOSTS") + ",c=unix:///run/hermes-no-engine.sock@127.0.0.3/10");
        env.put("HERMES_MOVE_EXPIRE_SEC", "4");
        Worker worker = stack.startWorker(env);
        await().atMost(Duration.ofSeconds(30)).until(worker::ready);
        UserId family = stack.newUser();
        FamilyMoves moves = moves(stack);
        Instant asked = Instant.now();

        assertThat(moves.request(family.value(), "c", asked, "it")).isTrue();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> moves.of(family.value()).orElseThrow().finished());
        FamilyMoves.Move move = moves.of(family.value()).orElseThrow();
        assertThat(move.state()).isEqualTo(FamilyMoves.State.FAILED);
        assertThat(move.reason())
                .startsWith("EXPIRED: ")
                .contains("HERMES_MOVE_EXPIRE_SEC 4")
                .contains("the Docker host c does not answer");
        assertThat(Duration.between(move.requestedAt(), move.finishedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(moves.pending()).noneMatch(m -> m.userId().equals(family.value()));
    }

    private String markerOwner;

    /** Writes the family's id to /opt/data/marker, owned by the agent's user (uid 10000) as the agent would. */
    private void writeMarker(DockerClient engine, UserId family) {
        ContainerShell.check(
                engine,
                family.containerName(),
                "0",
                "echo " + family.value() + " > /opt/data/marker && chown 10000:10000 /opt/data/marker");
        markerOwner = ContainerShell.check(engine, family.containerName(), "0", "stat -c %u:%g /opt/data/marker")
                .trim();
    }

    private static Worker startWorker(Stack stack) {
        Worker worker = stack.startWorker(workerEnv(stack));
        await().atMost(Duration.ofSeconds(30)).until(worker::ready);
        return worker;
    }

    private static Map<String, String> workerEnv(Stack stack) {
        int onA = familyVolumes(stack.docker());
        int onB = familyVolumes(engineB);
        // little room on a, much on b: new families go to b; a move's only target is a all the same
        String hosts = "a=unix:///var/run/docker.sock@127.0.0.1/" + (onA + 1) + ",b=" + SecondEngine.ENDPOINT + "@"
                + SecondEngine.ADDRESS + "/" + (onB + 50);
        return Map.of(
                "HERMES_DOCKER_HOSTS",
                hosts,
                "HERMES_DOCKER_WAIT_SEC",
                "2",
                "HERMES_LIVENESS_INTERVAL_SEC",
                "600",
                "HERMES_MOVE_POLL_SEC",
                "1");
    }

    private static FamilyMoves moves(Stack stack) {
        return new FamilyMoves(Jdbi.create(stack.pgUrl(), "postgres", ""));
    }

    private static Optional<RuntimeMoved> audited(Stack stack, UserId family) {
        EventCodec codec = new EventCodec();
        for (byte[] value :
                TopicDump.values(stack.bootstrapServers(), stack.topics().events())) {
            if (codec.decode(value) instanceof RuntimeMoved moved && family.equals(moved.userId())) {
                return Optional.of(moved);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code script} in a helper container that mounts the family's volume at /opt/data, then removes it. */
    private static void writeOnce(DockerClient engine, UserId family, String testLabel, String script) {
        String helper = engine.createContainerCmd(Stack.IMAGE)
                .withLabels(Map.of("hermes.test", testLabel))
                .withEntrypoint("sh", "-c", script)
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(new Bind(family.volumeName(), new Volume("/opt/data"))))
                .exec()
                .getId();
        try {
            engine.startContainerCmd(helper).exec();
            assertThat(engine.waitContainerCmd(helper)
                            .start()
                            .awaitStatusCode(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isZero();
        } finally {
            engine.removeContainerCmd(helper).withForce(true).exec();
        }
    }

    private static int familyVolumes(DockerClient docker) {
        var volumes = docker.listVolumesCmd()
                .withFilter("name", List.of("hermes-user-"))
                .exec()
                .getVolumes();
        return volumes == null ? 0 : volumes.size();
    }

    private static boolean volumeOn(DockerClient docker, UserId family) {
        try {
            docker.inspectVolumeCmd(family.volumeName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean containerOn(DockerClient docker, String name) {
        try {
            docker.inspectContainerCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String address(RuntimeHandle handle) {
        return URI.create(handle.url()).getHost();
    }
}
