package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.Database;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.SecondEngine;
import dev.hermes.worker.testing.Stack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `ops/hermes hosts move` against a real PostgreSQL and two real Docker engines (the shared one as host {@code a}, a
 * second dockerd as {@code b}), with no worker: the test itself plays the owning workers by finishing the rows.
 */
@HermesStack.Use
class HostsMoveCommandIT {
    private static final String HOSTS = "a=unix:///var/run/docker.sock@127.0.0.1/200,b=" + SecondEngine.ENDPOINT + "@"
            + SecondEngine.ADDRESS + "/100";
    private static boolean startedB;
    private static DockerClient engineB;
    private static Stack stack;

    @BeforeAll
    static void startTheSecondEngine(Stack s) {
        stack = s;
        startedB = !answers();
        SecondEngine.up(Stack.IMAGE);
        engineB = SecondEngine.client();
    }

    @AfterAll
    static void removeWhatTheTestMade() throws Exception {
        SecondEngine.removeLabelled("hermes.test=" + stack.testLabel());
        engineB.close();
        if (startedB) {
            SecondEngine.down();
        }
    }

    @Test
    void stoppedFamiliesOnTheHostAreAskedForOldestStopFirstAndTheirAnswersDecideTheExitCode() throws Exception {
        UserId neverStarted = family(engineB, "created");
        UserId stoppedFirst = family(engineB, "exited");
        UserId stoppedLater = family(engineB, "exited");
        UserId running = family(engineB, "running");
        UserId onA = family(stack.docker(), "exited");

        CliRun limited = run("hosts", "move", "b", "--limit", "2", "--wait-timeout", "2s");

        assertThat(limited.code()).isEqualTo(HostsMoveReport.PENDING);
        assertThat(limited.err()).contains("hint: b is not drained");
        assertThat(limited.out())
                .contains("b: 3 stopped families, asking for 2 moves; 1 running or paused skipped")
                .contains(neverStarted + " REQUESTED, stopped before it ever started")
                .contains(stoppedFirst + " REQUESTED, stopped 20")
                .doesNotContain(stoppedLater.value())
                .contains(running + " SKIPPED running: it moves once stopped (ops/hermes has no stop command")
                .contains("b: 0 moved, 0 failed, 2 still pending, 1 skipped");
        assertThat(pendingUsers()).containsExactlyInAnyOrder(neverStarted.value(), stoppedFirst.value());
        assertThat(run("hosts", "list").out()).containsPattern("b +open, 2 moves pending off it");

        CliRun all = run("hosts", "move", "b", "--no-wait", "--json");
        JsonNode json = new ObjectMapper().readTree(all.out());

        assertThat(all.code()).isZero();
        assertThat(json.get("host").asText()).isEqualTo("b");
        assertThat(json.get("drained").asBoolean()).isFalse();
        assertThat(json.get("stopped").asInt()).isEqualTo(3);
        assertThat(json.get("waited").asBoolean()).isFalse();
        assertThat(json.get("families")).hasSize(3);
        assertThat(json.get("families").get(0).get("userId").asText()).isEqualTo(neverStarted.value());
        assertThat(json.get("families").get(0).get("stoppedAt").isNull()).isTrue();
        assertThat(json.get("families").get(0).get("requested").asBoolean()).isFalse();
        assertThat(json.get("families").get(2).get("userId").asText()).isEqualTo(stoppedLater.value());
        assertThat(json.get("families").get(2).get("requested").asBoolean()).isTrue();
        assertThat(json.get("families").get(2).get("state").asText()).isEqualTo("PENDING");
        assertThat(json.get("skipped").get(0).get("userId").asText()).isEqualTo(running.value());
        assertThat(json.get("skipped").get(0).get("state").asText()).isEqualTo("running");
        assertThat(json.get("summary").get("pending").asInt()).isEqualTo(3);
        assertThat(pendingUsers())
                .containsExactlyInAnyOrder(neverStarted.value(), stoppedFirst.value(), stoppedLater.value())
                .doesNotContain(running.value(), onA.value());
        JsonNode hosts =
                new ObjectMapper().readTree(run("hosts", "list", "--json").out());
        assertThat(hosts.get(1).get("pendingMoves").asInt()).isEqualTo(3);
        assertThat(hosts.get(0).get("pendingMoves").asInt()).isZero();

        run("hosts", "drain", "b");
        for (UserId user : List.of(neverStarted, stoppedFirst, stoppedLater)) {
            finishWhenAskedFor(user, FamilyMoves.State.FAILED, null, "TEST_RESET"); // so the next ask shows
        }
        CompletableFuture<CliRun> waiting =
                CompletableFuture.supplyAsync(() -> run("hosts", "move", "b", "--wait-timeout", "60s"));
        finishWhenAskedFor(neverStarted, FamilyMoves.State.MOVED, "a", null);
        finishWhenAskedFor(stoppedFirst, FamilyMoves.State.MOVED, "a", null);
        finishWhenAskedFor(stoppedLater, FamilyMoves.State.FAILED, null, "NOT_STOPPED");
        CliRun answered = waiting.get();

        assertThat(answered.code()).isEqualTo(HermesCli.FAILED);
        assertThat(answered.err()).doesNotContain("hint");
        assertThat(answered.out())
                .contains(neverStarted + " MOVED b -> a")
                .contains(stoppedFirst + " MOVED b -> a")
                .contains(stoppedLater + " FAILED NOT_STOPPED")
                .contains("b: 2 moved, 1 failed, 0 still pending, 1 skipped");

        CompletableFuture<CliRun> again =
                CompletableFuture.supplyAsync(() -> run("hosts", "move", "b", "--limit", "1", "--wait-timeout", "60s"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingUsers().size() == 1);
        UserId first = UserId.of(pendingUsers().get(0));
        finishWhenAskedFor(first, FamilyMoves.State.MOVED, "a", null);

        assertThat(first).isEqualTo(neverStarted);
        assertThat(again.get().code()).isZero();
        assertThat(again.get().out()).contains("b: 1 moved, 0 failed, 0 still pending, 1 skipped");
    }

    @Test
    void anUnknownHostOrASingleEngineIsAClearError() {
        CliRun unknown = run("hosts", "move", "c");
        CliRun single = CliRun.run(Map.of("HERMES_PG_URL", stack.pgUrl()), "hosts", "move", "local");

        assertThat(unknown.code()).isEqualTo(HermesCli.USAGE);
        assertThat(unknown.err()).contains("unknown host 'c': HERMES_DOCKER_HOSTS names a, b");
        assertThat(single.code()).isEqualTo(HermesCli.FAILED);
        assertThat(single.err()).contains("moves need two or more Docker hosts, and HERMES_DOCKER_HOSTS is not set");
    }

    private static CliRun run(String... args) {
        Map<String, String> env = new HashMap<>(
                Map.of("HERMES_PG_URL", stack.pgUrl(), "HERMES_DOCKER_HOSTS", HOSTS, "HERMES_GROUP_ID", stack.fleet()));
        return CliRun.run(env, "", Clock.systemUTC(), args);
    }

    private static void finishWhenAskedFor(UserId user, FamilyMoves.State state, String to, String reason) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingUsers().contains(user.value()));
        try (Database db = database()) {
            assertThat(new FamilyMoves(db.jdbi()).finish(user.value(), "b", state, to, reason, Instant.now()))
                    .isTrue();
        }
    }

    private static List<String> pendingUsers() {
        try (Database db = database()) {
            List<String> users = new ArrayList<>();
            new FamilyMoves(db.jdbi()).pending().forEach(m -> users.add(m.userId()));
            return users;
        }
    }

    private static Database database() {
        return Database.open(stack.pgUrl(), "postgres", "", 1, Duration.ofSeconds(5));
    }

    /** A family's runtime made by hand with the worker's labels: created only, started and exited, or running. */
    private static UserId family(DockerClient docker, String state) {
        UserId user = stack.newUser();
        String id = docker.createContainerCmd(Stack.IMAGE)
                .withName(user.containerName())
                .withLabels(Map.of(
                        "hermes.managed", "true",
                        "hermes.user-id", user.value(),
                        "hermes.fleet", stack.fleet(),
                        "hermes.test", stack.testLabel()))
                .withEntrypoint("/bin/sh", "-c", state.equals("running") ? "while :; do sleep 1; done" : "exit 0")
                .exec()
                .getId();
        if (!state.equals("created")) {
            docker.startContainerCmd(id).exec();
        }
        if (state.equals("exited")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            !docker.inspectContainerCmd(id).exec().getState().getRunning());
        }
        return user;
    }

    private static boolean answers() {
        try (DockerClient probe = SecondEngine.client()) {
            probe.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
