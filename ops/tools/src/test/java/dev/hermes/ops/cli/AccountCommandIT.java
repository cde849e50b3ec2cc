package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import dev.hermes.worker.testing.Volumes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `ops/hermes account set|show` against a real worker: the CLI publishes, the worker stores and recreates. */
@HermesStack.Use
class AccountCommandIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static RuntimeClient client;

    @BeforeAll
    static void start(Stack stack) {
        stack.startWorker(Map.of());
        client = stack.client();
    }

    private static CliRun run(Stack stack, String stdin, String... args) {
        return CliRun.run(
                Map.of(
                        "HERMES_PG_URL",
                        stack.pgUrl(),
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX",
                        stack.topics().prefix(),
                        "HERMES_ADMIN",
                        "it-admin"),
                stdin,
                Clock.systemUTC(),
                args);
    }

    private static String memory(UserId user) {
        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));
        return Agent.get(handle.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
    }

    @Test
    void setReachesTheRunningRuntimesMemoryAndShowReadsItBack(Stack stack) throws Exception {
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(Volumes.exec(
                        stack.docker(),
                        first.containerName(),
                        "sh",
                        "-c",
                        "printf 'agent note: plays chess\\n' >> /opt/data/memories/MEMORY.md"))
                .isZero();

        CliRun set = run(
                stack,
                "Grandma visits on Sundays.\nThe dog is called Rex.\n",
                "account",
                "set",
                user.value(),
                "--display-name",
                "The Hoppers",
                "--member=Grace",
                "--member",
                "Walter",
                "--timezone",
                "America/New_York",
                "--locale",
                "en-US",
                "--notes-file",
                "-");

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("published AccountUpdated for " + user.value());
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(memory(user))
                        .contains("- family name: The Hoppers")
                        .contains("- members: Grace, Walter")
                        .contains("- timezone: America/New_York")
                        .contains("Grandma visits on Sundays.\nThe dog is called Rex.")
                        .contains("agent note: plays chess"));
        CliRun show = run(stack, "", "account", "show", user.value());
        assertThat(show.code()).isZero();
        assertThat(show.out())
                .contains("display_name: The Hoppers")
                .contains("members:      Grace, Walter")
                .contains("locale:       en-US")
                .contains("updated_by:   it-admin")
                .contains("  The dog is called Rex.");
        List<AccountUpdated> published = TopicDump.values(
                        stack.bootstrapServers(), stack.topics().accounts())
                .stream()
                .map(v -> new EventCodec().decode(v, AccountUpdated.class))
                .filter(e -> e.userId().equals(user))
                .toList();
        assertThat(published)
                .singleElement()
                .satisfies(e -> assertThat(e.changedBy()).isEqualTo("it-admin"));
    }

    @Test
    void optionsLeftOutKeepTheirStoredValues(Stack stack) throws Exception {
        UserId user = stack.newUser();
        assertThat(run(stack, "", "account", "set", user.value(), "--display-name", "Keep Me", "--locale", "de-DE")
                        .code())
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> run(stack, "", "account", "show", user.value()).code() == 0);

        assertThat(run(stack, "", "account", "set", user.value(), "--timezone", "Europe/Berlin")
                        .code())
                .isZero();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode json = new ObjectMapper()
                    .readTree(run(stack, "", "account", "show", user.value(), "--json")
                            .out());
            assertThat(json.get("displayName").asText()).isEqualTo("Keep Me");
            assertThat(json.get("locale").asText()).isEqualTo("de-DE");
            assertThat(json.get("timezone").asText()).isEqualTo("Europe/Berlin");
            assertThat(json.get("updatedBy").asText()).isEqualTo("it-admin");
        });
    }

    @Test
    void aFirstSetWithoutANameOrWithATextOutOfBoundsIsAUsageErrorAndPublishesNothing(Stack stack) {
        UserId user = stack.newUser();

        CliRun nameless = run(stack, "", "account", "set", user.value(), "--locale", "de-DE");
        CliRun tooLong = run(stack, "", "account", "set", user.value(), "--display-name", "x".repeat(201));
        CliRun unknown = run(stack, "", "account", "show", user.value());

        assertThat(nameless.code()).isEqualTo(2);
        assertThat(nameless.err()).contains("--display-name is required");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("displayName").contains("too long");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no account");
        assertThat(TopicDump.values(stack.bootstrapServers(), stack.topics().accounts()).stream()
                        .map(v -> new EventCodec().decode(v))
                        .filter(e -> user.equals(e.userId())))
                .isEmpty();
    }
}
