package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line itself: help, exit codes, --json and --opt=value, with nothing to talk to. */
class HermesCliTest {
    private static final String SECRET = "cli-test-secret-0123456789";
    private static final UserId USER = UserId.of("aaaaaaaa-1111-4111-8111-111111111111");
    private static final List<String> COMMANDS = List.of(
            "ensure",
            "status",
            "console",
            "heartbeat",
            "api-key",
            "forget",
            "settings",
            "account",
            "audit",
            "dlq",
            "topics",
            "hosts");

    @Test
    void helpListsEveryCommandAndTheExitCodesOnStdoutAndExitsZero() {
        for (String help : List.of("--help", "-h", "help")) {
            CliRun run = CliRun.run(CliRun.nowhere(), help);

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out())
                    .startsWith("Usage: ops/hermes")
                    .contains(COMMANDS)
                    .contains("Exit codes:")
                    .contains("2   the command line was wrong");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ensure",
                "status",
                "heartbeat",
                "api-key",
                "forget",
                "settings show",
                "settings set",
                "account show",
                "account set",
                "audit user",
                "audit fleet",
                "dlq list",
                "dlq replay",
                "topics create",
                "topics verify",
                "hosts list",
                "hosts drain",
                "hosts undrain",
                "hosts move"
            })
    void everyCommandHasItsOwnHelp(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRun run = CliRun.run(CliRun.nowhere(), args.toArray(String[]::new));
        CliRun viaHelp = CliRun.run(CliRun.nowhere(), "help", command.split(" ")[0]);

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .startsWith("Usage: ops/hermes " + command)
                .contains("-h, --help")
                .contains("--json");
        assertThat(viaHelp.code()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: ops/hermes " + command.split(" ")[0]);
    }

    @Test
    void everyCommandThatPrintsHasJson() {
        CliContext context =
                new CliContext(new CliEnv(Map.of()), System.in, System.out, System.err, Clock.systemUTC(), false);
        CommandLine cli = new CommandLine(new HermesCli(context), new CliFactory(context));
        List<String> leaves = new ArrayList<>();
        collectLeaves(cli, leaves);

        assertThat(leaves).hasSize(19).allSatisfy(leaf -> assertThat(leaf).endsWith("--json"));
    }

    private static void collectLeaves(CommandLine command, List<String> leaves) {
        if (command.getSubcommands().isEmpty()) {
            // console serves pages until stopped: it prints no data, so it has no --json
            if (!command.getCommandName().equals("help")
                    && !command.getCommandName().equals("console")) {
                leaves.add(command.getCommandSpec().qualifiedName()
                        + (command.getCommandSpec().findOption("--json") != null ? " --json" : ""));
            }
            return;
        }
        command.getSubcommands().values().forEach(c -> collectLeaves(c, leaves));
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageErrorWithTheListOnStderr() {
        CliRun none = CliRun.run(CliRun.nowhere());
        CliRun unknown = CliRun.run(CliRun.nowhere(), "frobnicate");

        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("give a command").contains(COMMANDS);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown command 'frobnicate'").contains("Usage: ops/hermes");
    }

    @Test
    void aParentWithoutItsActionOrWithAWrongOneIsAUsageErrorThatNamesTheActions() {
        CliRun settings = CliRun.run(CliRun.nowhere(), "settings");
        CliRun frobnicate = CliRun.run(CliRun.nowhere(), "settings", "frobnicate");
        CliRun topics = CliRun.run(CliRun.nowhere(), "topics", "delete");

        assertThat(settings.code()).isEqualTo(2);
        assertThat(settings.err())
                .startsWith("say 'settings show' or 'settings set'")
                .contains("usage: ops/hermes settings show")
                .contains("ops/hermes settings set");
        assertThat(frobnicate.code()).isEqualTo(2);
        assertThat(frobnicate.err()).startsWith("unknown action 'frobnicate'; say 'settings show' or 'settings set'");
        assertThat(topics.err()).startsWith("unknown action 'delete'; say 'topics create' or 'topics verify'");
    }

    @Test
    void settingsSetOffersWaitAndRefusesAWaitTimeoutItCannotRead() {
        CliRun help = CliRun.run(CliRun.nowhere(), "settings", "set", "--help");
        CliRun badTimeout = CliRun.run(
                CliRun.nowhere(),
                "settings",
                "set",
                "--provider",
                "p",
                "--model",
                "m",
                "--api-key-file",
                "-",
                "--wait",
                "--wait-timeout",
                "soon");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--wait").contains("--wait-timeout=D").contains("--fleet=<group-id>");
        assertThat(badTimeout.code()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("cannot read duration 'soon'");
    }

    @Test
    void apiKeyPrintsTheKeyAsTextOrJson() throws Exception {
        Map<String, String> env = Map.of("HERMES_API_KEY_SECRET", SECRET);
        String expected = ApiKeys.fromSecret(SECRET).keyFor(USER);

        CliRun text = CliRun.run(env, "api-key", USER.value());
        CliRun json = CliRun.run(env, "api-key", "--json", USER.value());

        assertThat(text.code()).isZero();
        assertThat(text.out()).isEqualTo(expected + System.lineSeparator());
        assertThat(json.code()).isZero();
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.get("userId").asText()).isEqualTo(USER.value());
        assertThat(document.get("apiKey").asText()).isEqualTo(expected);
    }

    @Test
    void aFailureIsExitOneWithTheReasonAndNoStackTrace() {
        CliRun run = CliRun.run(Map.of(), "api-key", USER.value());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("api-key: HERMES_API_KEY_SECRET (or HERMES_API_KEY_SECRET_FILE) is not set")
                .doesNotContain("\tat ");
    }

    @Test
    void optionValuesMayBeJoinedWithEqualsOrGivenAsTheNextArgument() {
        CliRun joined = CliRun.run(CliRun.nowhere(), "dlq", "replay", "--source=x-1@2", "--all");
        CliRun separate = CliRun.run(CliRun.nowhere(), "dlq", "replay", "--source", "x-1@2", "--all");
        CliRun badJoined = CliRun.run(CliRun.nowhere(), "ensure", "--timeout=soon", USER.value());

        assertThat(joined.code()).isEqualTo(2);
        assertThat(joined.err()).startsWith("give either --source TOPIC-PARTITION@OFFSET or --all");
        assertThat(separate).isEqualTo(joined);
        assertThat(badJoined.code()).isEqualTo(2);
        assertThat(badJoined.err()).contains("Invalid value for option '--timeout': 'soon' is not a double");
    }

    @Test
    void aKeyOnTheCommandLineIsRefusedWithoutEchoingIt() {
        for (String[] args : List.of(
                new String[] {"settings", "set", "--provider", "p", "--model", "m", "--api-key", "sk-do-not-echo"},
                new String[] {"settings", "set", "--provider=p", "--api-key=sk-do-not-echo", "--model=m"})) {
            CliRun run = CliRun.run(CliRun.nowhere(), args);

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).startsWith("--api-key is refused").doesNotContain("sk-do-not-echo");
            assertThat(run.out()).doesNotContain("sk-do-not-echo");
        }
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.run(CliRun.nowhere(), "settings", "set", "--provider", "p");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing required options")
                .contains("--model=M")
                .contains("--api-key-file=FILE|-")
                .contains("usage: ops/hermes settings set");
    }

    @Test
    void theSystemContextReadsTheProcessEnvironment() {
        assertThat(CliContext.system().clock()).isEqualTo(Clock.systemUTC());
    }
}
