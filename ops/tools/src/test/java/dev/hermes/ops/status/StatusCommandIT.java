package dev.hermes.ops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.ops.cli.CliRun;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `ops/hermes status` against a real worker fleet: real Docker, real Kafka, real PostgreSQL. */
@HermesStack.Use
class StatusCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The family's line of `status --json --user <id>`, or null when it has none. */
    private static JsonNode line(Stack stack, UserId user) throws Exception {
        CliRun run = CliRun.run(CliRun.env(stack), "status", "--json", "--user", user.value());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode runtimes = JSON.readTree(run.out()).get("runtimes");
        return runtimes.isEmpty() ? null : runtimes.get(0);
    }

    @Test
    void anEnsuredFamilyIsRunningOnTheLocalEngineOwnedByTheWorkerOnItsSettingsVersion(Stack stack) throws Exception {
        stack.startWorker();
        UserId user = stack.newUser();
        UserId other = stack.newUser();
        RuntimeHandle handle = stack.client().ensureRuntime(user, Duration.ofSeconds(60));
        stack.client().ensureRuntime(other, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode line = line(stack, user);
            assertThat(line).isNotNull();
            assertThat(line.get("state").asText()).isEqualTo("running");
            assertThat(line.get("host").asText()).isEqualTo("local");
            assertThat(line.get("worker").asText()).startsWith(stack.topics().prefix() + "worker-1@");
            assertThat(line.get("settingsVersion").asLong()).isEqualTo(handle.settingsVersion());
            assertThat(line.get("uptimeSec").isNumber()).isTrue();
            assertThat(line.get("lastActiveAt").isTextual()).isTrue();
            assertThat(line.get("lastFailure").isNull()).isTrue();
        });
        CliRun text = CliRun.run(CliRun.env(stack), "status", "--state", "running");
        System.out.print(text.out()); // the text form, in the test log
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains(user.value() + "  running")
                .contains(other.value() + "  running")
                .contains("2 runtime(s): running 2, paused 0, stopped 0, failed 0");
        CliRun none = CliRun.run(CliRun.env(stack), "status", "--state", "failed");
        assertThat(none.out()).contains("0 runtime(s)").doesNotContain(user.value());
        assertThat(CliRun.run(CliRun.env(stack), "status", "--state", "asleep").code())
                .isEqualTo(2);
    }

    @Test
    void anIdleFamilyIsSeenPausedThenStoppedWithItsVolumeKept(Stack stack) throws Exception {
        Stack fleet = stack.anotherFleet("StatusIdle");
        fleet.startWorker(Map.of(
                "RUNTIME_IDLE_SEC", "1",
                "RUNTIME_STOP_SEC", "6",
                "HERMES_REAP_INTERVAL_SEC", "0.3",
                "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.3"));
        UserId user = fleet.newUser();
        fleet.client().ensureRuntime(user, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        assertThat(line(fleet, user).get("state").asText()).isEqualTo("paused"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode line = line(fleet, user);
            assertThat(line.get("state").asText()).isEqualTo("stopped");
            assertThat(line.get("uptimeSec").isNull()).isTrue();
            assertThat(line.get("lastFailure").isNull()).isTrue();
            assertThat(line.get("worker").asText()).startsWith(fleet.topics().prefix() + "worker-1@");
        });
        assertThat(fleet.docker().inspectVolumeCmd(user.volumeName()).exec().getName())
                .isEqualTo(user.volumeName());
        assertThat(line(stack, user)).as("another fleet's family is not listed").isNull();
    }
}
