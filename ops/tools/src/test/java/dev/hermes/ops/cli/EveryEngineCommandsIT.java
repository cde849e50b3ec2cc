package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.SecondEngine;
import dev.hermes.worker.testing.Stack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands that look at every engine of HERMES_DOCKER_HOSTS, over two real engines (the shared one as {@code a}, a
 * second dockerd as {@code b}): `forget` forgets the family on whichever holds it (a host that does not answer is
 * passed over only when the family was found on another); `settings set --wait` counts the runtimes of both.
 */
@HermesStack.Use
class EveryEngineCommandsIT {
    private static final String A = "a=unix:///var/run/docker.sock@127.0.0.1/200";
    private static final String A_AND_B = A + ",b=" + SecondEngine.ENDPOINT + "@" + SecondEngine.ADDRESS + "/100";
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
    void aFamilyOnTheSecondEngineIsForgottenThere() throws Exception {
        UserId user = family(engineB);

        CliRun run = run(A_AND_B, "--json", user);

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode outcome = new ObjectMapper().readTree(run.out());
        assertThat(outcome.get("container").asText()).isEqualTo("removed");
        assertThat(outcome.get("data").asText()).isEqualTo("DELETED");
        assertThat(outcome.get("foundOn").get(0).asText()).isEqualTo("b");
        assertThat(outcome.get("unreachable")).isEmpty();
        assertThat(absent(
                        () -> engineB.inspectContainerCmd(user.containerName()).exec()))
                .isTrue();
        assertThat(absent(() -> engineB.inspectVolumeCmd(user.volumeName()).exec()))
                .isTrue();
    }

    @Test
    void aHostThatDoesNotAnswerIsPassedOverOnlyWhenTheFamilyWasFoundOnAnother() {
        String hosts = A + ",gone=unix:///run/hermes-no-such-engine/docker.sock@127.0.0.3/100";
        UserId onA = family(stack.docker());
        UserId nowhere = stack.newUser();

        CliRun found = run(hosts, null, onA);
        CliRun refused = run(hosts, null, nowhere);

        assertThat(found.code()).as(found.err()).isZero();
        assertThat(found.out())
                .contains(onA + " FORGOTTEN container removed, data DELETED")
                .contains("on host a");
        assertThat(found.err()).contains("Docker host gone did not answer; the family was found on a");
        assertThat(absent(
                        () -> stack.docker().inspectVolumeCmd(onA.volumeName()).exec()))
                .isTrue();
        assertThat(refused.code()).isEqualTo(HermesCli.FAILED);
        assertThat(refused.err())
                .contains(
                        "Docker host gone does not answer, and " + nowhere.value() + " was found on no host that does")
                .contains("nothing was removed");
    }

    @Test
    void settingsWaitCountsTheRuntimesOnEveryEngine() throws Exception {
        UserId onB = family(engineB);
        engineB.startContainerCmd(onB.containerName()).exec(); // runs on no settings version: stuck

        Map<String, String> env = new HashMap<>(CliRun.env(stack));
        env.put("HERMES_DOCKER_HOSTS", A_AND_B);
        env.put("HERMES_PG_URL", stack.pgUrl());
        CliRun wait = CliRun.run(
                env,
                "sk-every-engine\n",
                java.time.Clock.systemUTC(),
                "settings",
                "set",
                "--provider",
                "openrouter",
                "--model",
                "m-every-engine",
                "--api-key-file",
                "-",
                "--wait",
                "--wait-timeout",
                "2s",
                "--json");

        assertThat(wait.code()).as(wait.err()).isEqualTo(HermesCli.FAILED);
        JsonNode stuck = new ObjectMapper().readTree(wait.out()).get("wait").get("stuck");
        assertThat(stuck.findValuesAsText("userId")).contains(onB.value());
    }

    private static CliRun run(String hosts, String flag, UserId user) {
        Map<String, String> env = new HashMap<>(CliRun.env(stack));
        env.put("HERMES_DOCKER_HOSTS", hosts);
        return flag == null
                ? CliRun.run(env, "forget", user.value(), "--delete-data")
                : CliRun.run(env, "forget", user.value(), "--delete-data", flag);
    }

    private static UserId family(DockerClient docker) {
        UserId user = stack.newUser();
        Map<String, String> labels = Map.of("hermes.fleet", stack.fleet(), "hermes.test", stack.testLabel());
        Map<String, String> runtime = new HashMap<>(labels);
        runtime.putAll(Map.of("hermes.managed", "true", "hermes.user-id", user.value()));
        docker.createVolumeCmd().withName(user.volumeName()).withLabels(labels).exec();
        docker.createContainerCmd(Stack.IMAGE)
                .withName(user.containerName())
                .withLabels(runtime)
                .withEntrypoint("/bin/sh", "-c", "while :; do sleep 1; done")
                .exec();
        return user;
    }

    private static boolean absent(Runnable inspect) {
        try {
            inspect.run();
            return false;
        } catch (NotFoundException e) {
            return true;
        }
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
