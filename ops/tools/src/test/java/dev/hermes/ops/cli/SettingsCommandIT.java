package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class SettingsCommandIT {
    private static final String KEY = "sk-cli-" + UUID.randomUUID();

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

    @Test
    void setSavesANewVersionAnnouncesItAndShowNeverPrintsTheKey(Stack stack) throws Exception {
        Path keyFile = Files.createTempFile("llm-key", ".txt");
        Files.writeString(keyFile, KEY + "\n");

        CliRun set = run(
                stack,
                "",
                "settings",
                "set",
                "--provider=anthropic",
                "--model",
                "claude-x",
                "--api-key-file=" + keyFile);
        CliRun show = run(stack, "", "settings", "show");
        JsonNode json = new ObjectMapper()
                .readTree(run(stack, "", "settings", "show", "--json").out());

        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("saved settings version 2").contains("published SettingsChanged(2)");
        assertThat(show.out())
                .contains("provider:   anthropic")
                .contains("model:      claude-x")
                .contains("<set, redacted>")
                .contains("ANTHROPIC_API_KEY")
                .contains("updated_by: it-admin")
                .doesNotContain(KEY);
        assertThat(json.get("version").asLong()).isEqualTo(2);
        assertThat(json.get("provider").asText()).isEqualTo("anthropic");
        assertThat(json.get("apiKeySet").asBoolean()).isTrue();
        assertThat(json.get("apiKeyEnv").asText()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(json.toString()).doesNotContain(KEY);
        List<SettingsChanged> announced = TopicDump.values(
                        stack.bootstrapServers(), stack.topics().settings())
                .stream()
                .map(v -> new EventCodec().decode(v, SettingsChanged.class))
                .toList();
        assertThat(announced).extracting(SettingsChanged::settingsVersion).contains(2L);
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().settings()))
                .doesNotContain(KEY);
    }

    @Test
    void theKeyCanComeFromStdinButNeverFromTheCommandLine(Stack stack) {
        CliRun refused = run(stack, "", "settings", "set", "--provider", "openai", "--model", "m", "--api-key", KEY);
        CliRun fromStdin = run(
                stack,
                KEY + "\n",
                "settings",
                "set",
                "--provider",
                "openai",
                "--model",
                "gpt-x",
                "--api-key-file",
                "-");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--api-key is refused").doesNotContain(KEY);
        assertThat(fromStdin.code()).isZero();
        assertThat(run(stack, "", "settings", "show").out())
                .contains("provider:   openai")
                .doesNotContain(KEY);
    }

    @Test
    void anEmptyKeyOrMissingOptionIsAUsageError(Stack stack) {
        assertThat(run(stack, "  \n", "settings", "set", "--provider", "p", "--model", "m", "--api-key-file", "-")
                        .err())
                .contains("the API key file is empty");
        assertThat(run(stack, "", "settings", "set", "--provider", "p").code()).isEqualTo(2);
        assertThat(run(stack, "", "settings", "frobnicate").code()).isEqualTo(2);
    }
}
