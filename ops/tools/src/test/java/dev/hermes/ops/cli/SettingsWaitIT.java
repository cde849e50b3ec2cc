package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** `settings set --wait` against a real worker, Docker, Kafka and PostgreSQL. */
@HermesStack.Use
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsWaitIT {
    private static final List<UserId> FAMILIES = new ArrayList<>();

    private static CliRun set(Stack stack, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "settings",
                "set",
                "--provider",
                "openrouter",
                "--model",
                "m-" + UUID.randomUUID(),
                "--api-key-file",
                "-"));
        args.addAll(List.of(options));
        return CliRun.run(
                Map.of(
                        "HERMES_PG_URL", stack.pgUrl(),
                        "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX", stack.topics().prefix(),
                        "HERMES_GROUP_ID", stack.fleet()),
                "sk-wait-it\n",
                Clock.systemUTC(),
                args.toArray(String[]::new));
    }

    @BeforeAll
    static void ensureThreeFamilies(Stack stack) {
        assertThat(set(stack).code()).isZero();
        Worker worker = stack.startWorker(Map.of("HERMES_SETTINGS_POLL_SEC", "1"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.ready() && !worker.ownedPartitions().isEmpty());
        for (int i = 0; i < 3; i++) {
            UserId family = stack.newUser();
            stack.client().ensureRuntime(family, Duration.ofSeconds(60));
            FAMILIES.add(family);
        }
    }

    @Test
    @Order(1)
    void waitReturnsOnceEveryRuntimeOfTheFleetRunsOnTheNewVersionAndShowsProgress(Stack stack) {
        String before = stack.settingsVersionLabel(FAMILIES.get(0));

        CliRun run = set(stack, "--wait", "--wait-timeout", "90s");

        long version = Long.parseLong(before) + 1;
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("recreate to settings version " + version + ": ")
                .contains("3/3 runtimes done, 0 still on an older version");
        assertThat(run.out()).contains("recreate converged: 3 runtimes on settings version " + version);
        for (UserId family : FAMILIES) {
            assertThat(stack.settingsVersionLabel(family)).isEqualTo(Long.toString(version));
        }
    }

    @Test
    @Order(2)
    void aTimeoutExitsOneNamingTheFamiliesStillOnAnOlderVersion(Stack stack) throws Exception {
        stack.stopWorkers(); // nobody recreates now; the runtimes keep running on their version
        String old = stack.settingsVersionLabel(FAMILIES.get(0));

        CliRun json = set(stack, "--wait", "--wait-timeout=2s", "--json");
        CliRun text = set(stack, "--wait", "--wait-timeout=1s");

        assertThat(json.code()).isEqualTo(1);
        JsonNode wait = new ObjectMapper().readTree(json.out()).get("wait");
        assertThat(wait.get("converged").asBoolean()).isFalse();
        assertThat(wait.get("done").asInt()).isZero();
        assertThat(wait.get("stuck").findValuesAsText("userId"))
                .containsExactlyInAnyOrderElementsOf(
                        FAMILIES.stream().map(UserId::value).toList());
        assertThat(wait.get("stuck").findValuesAsText("settingsVersion")).containsOnly(old);
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out())
                .contains("not converged after PT1S: 3 of 3 runtimes still run an older settings version (3 on version "
                        + old + ")");
        for (UserId family : FAMILIES) {
            assertThat(text.out()).contains(family + " STUCK on version " + old + ", no failure in the audit");
        }
    }
}
