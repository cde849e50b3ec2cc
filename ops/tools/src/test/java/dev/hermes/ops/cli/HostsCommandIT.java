package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.admin.Database;
import dev.hermes.admin.HostDrains;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `ops/hermes hosts list|drain|undrain` against a real PostgreSQL: what workers read as the drained hosts. */
@HermesStack.Use
class HostsCommandIT {
    private static final String HOSTS =
            "a=unix:///var/run/docker.sock@127.0.0.1/200,b=unix:///run/hermes-docker-b/docker.sock@127.0.0.2/100";

    private static CliRun run(Stack stack, String... args) {
        return CliRun.run(
                Map.of("HERMES_PG_URL", stack.pgUrl(), "HERMES_DOCKER_HOSTS", HOSTS, "HERMES_ADMIN", "it-admin"),
                "",
                Clock.systemUTC(),
                args);
    }

    @Test
    void drainMarksTheHostForTheWorkersListShowsItAndUndrainOpensItAgain(Stack stack) throws Exception {
        CliRun drain = run(stack, "hosts", "drain", "b");
        CliRun again = run(stack, "hosts", "drain", "b");
        CliRun list = run(stack, "hosts", "list");
        JsonNode json = new ObjectMapper()
                .readTree(run(stack, "hosts", "list", "--json").out());

        assertThat(drain.code()).isZero();
        assertThat(drain.out()).contains("b DRAINING");
        assertThat(again.out()).contains("b was draining already");
        assertThat(list.out()).containsPattern("a +open").containsPattern("b +draining since .* by it-admin");
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("name").asText()).isEqualTo("a");
        assertThat(json.get(0).get("state").asText()).isEqualTo("open");
        assertThat(json.get(1).get("state").asText()).isEqualTo("draining");
        assertThat(json.get(1).get("drainedBy").asText()).isEqualTo("it-admin");
        try (Database db = Database.open(stack.pgUrl(), "postgres", "", 1, Duration.ofSeconds(5))) {
            assertThat(new HostDrains(db.jdbi()).hosts()).containsExactly("b");
        }

        CliRun undrain = run(stack, "hosts", "undrain", "b");
        CliRun undrainAgain = run(stack, "hosts", "undrain", "b");

        assertThat(undrain.out()).contains("b OPEN");
        assertThat(undrainAgain.out()).contains("b was not draining");
        assertThat(run(stack, "hosts", "list").out()).containsPattern("b +open").doesNotContain("draining");
    }
}
