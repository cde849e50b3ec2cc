package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.Account;
import dev.hermes.admin.Database;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class SeedOnBootIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static final String MODEL = "it-model-" + UUID.randomUUID();
    private static final String EVIL = "The $(touch /tmp/pwned) family `touch /tmp/pwned2` \"quoted\" 'single'\n"
            + "second line; rm -rf / \\ and a backslash";
    private static SettingsStore store;
    private static RuntimeClient client;

    @BeforeAll
    static void start(Stack stack) {
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        store = new SettingsStore(database.jdbi());
        store.save(
                "openrouter",
                MODEL,
                "https://openrouter.example/api/v1",
                new Secret("sk-it-" + UUID.randomUUID()),
                "SeedOnBootIT");
        stack.startWorker(Map.of());
        client = stack.client();
    }

    @Test
    void theManagedConfigCarriesTheProviderAndModelFromGlobalSettings(Stack stack) {
        UserId user = stack.newUser();

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        String boot = Agent.get(handle.url(), "/stub/boot", KEYS.keyFor(user)).body();
        assertThat(boot)
                .contains("\"provider\":\"openrouter\"")
                .contains("\"model\":\"" + MODEL + "\"")
                .contains("\"OPENROUTER_API_KEY\":true");
        String config = Agent.get(handle.url(), "/stub/file/config.yaml", KEYS.keyFor(user))
                .body();
        assertThat(config)
                .contains("provider: \"openrouter\"")
                .contains("api_server:")
                .doesNotContain("sk-it-");
    }

    @Test
    void anIdentityFullOfShellSyntaxLandsVerbatimAndNothingIsExecuted(Stack stack) {
        UserId user = stack.newUser();
        store.saveAccount(new Account(user, EVIL, "Europe/Berlin", "de-DE", "Ada; Bob $(id)", null));

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        String memory = Agent.get(handle.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
        assertThat(memory)
                .contains(EVIL)
                .contains("Ada; Bob $(id)")
                .contains(user.value())
                .startsWith(SeedScript.IDENTITY_BEGIN);
        assertThat(Volumes.exec(stack.docker(), handle.containerName(), "test", "-e", "/tmp/pwned"))
                .isNotZero();
        assertThat(Volumes.exec(stack.docker(), handle.containerName(), "test", "-e", "/tmp/pwned2"))
                .isNotZero();
    }

    @Test
    void memoryKeepsTheAgentsOwnLinesWhileTheIdentityBlockIsReplacedOnBoot(Stack stack) {
        UserId user = stack.newUser();
        store.saveAccount(new Account(user, "Old Name", null, null, null, null));
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(Volumes.exec(
                        stack.docker(),
                        first.containerName(),
                        "sh",
                        "-c",
                        "printf 'agent note: likes tea\\n' >> /opt/data/memories/MEMORY.md"))
                .isZero();
        store.saveAccount(new Account(user, "New Name", null, null, null, null));
        stack.docker().stopContainerCmd(first.containerName()).withTimeout(2).exec();

        RuntimeHandle second = client.ensureRuntime(user, Duration.ofSeconds(60));

        String memory = Agent.get(second.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
        assertThat(memory).contains("New Name").doesNotContain("Old Name").contains("agent note: likes tea");
        assertThat(memory.indexOf(SeedScript.IDENTITY_BEGIN))
                .isEqualTo(memory.lastIndexOf(SeedScript.IDENTITY_BEGIN))
                .isZero();
    }
}
