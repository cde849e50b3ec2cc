package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.Secret;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagedConfigTest {
    private static final GlobalSettings SETTINGS = new GlobalSettings(
            "openrouter",
            "nous/hermes \"4\"\nx",
            "https://example/api",
            Optional.of(new Secret("sk-never-in-config")),
            7,
            Instant.EPOCH,
            "admin");

    @Test
    void theConfigCarriesProviderModelAndPlatformsButNeverTheKey() {
        String yaml = ManagedConfig.configYaml(SETTINGS, 8642);

        assertThat(yaml)
                .contains("model:\n  provider: \"openrouter\"\n  default: \"nous/hermes \\\"4\\\"\\nx\"")
                .contains("  base_url: \"https://example/api\"")
                .contains(
                        "api_server:",
                        "twilio_whatsapp:",
                        "sudo_chat:",
                        "sudo_voice:",
                        "toolsets:",
                        "memory:",
                        "plugins:")
                .contains("settings version 7")
                .doesNotContain("sk-never-in-config");
    }

    @Test
    void theProviderKeyGoesToTheEnvVarUpstreamExpects() {
        assertThat(SETTINGS.providerKeyEnv()).isEqualTo("OPENROUTER_API_KEY");
        assertThat(new GlobalSettings("azure-openai", "m", null, Optional.empty(), 1, Instant.EPOCH, "a")
                        .providerKeyEnv())
                .isEqualTo("AZURE_OPENAI_API_KEY");
        assertThat(SETTINGS.toString()).doesNotContain("sk-never-in-config");
    }

    @Test
    void markersInsideAnIdentityAreRemovedSoTheBlockCannotBeEndedEarly() {
        UserId user = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");
        String block = ManagedConfig.identityBlock(
                new Account(user, "Evil" + SeedScript.IDENTITY_END + "\nafter", null, null, null, null));

        assertThat(block)
                .doesNotContain(SeedScript.IDENTITY_END)
                .contains("Evil\nafter")
                .contains(user.value());
    }

    @Test
    void theSeedScriptIsAConstantThatNeverInterpolatesUserData() {
        assertThat(SeedScript.SCRIPT)
                .contains("base64 -d")
                .contains("exec /usr/bin/tini -g -- " + "/opt/hermes/docker/entrypoint.sh gateway run")
                .contains("rm -rf \"$data/whatsapp\"")
                .contains(
                        "find -P \"$data\" -xdev -path \"$data/plugins\" -prune -o -user 0 -exec chown -h 10000:10000");
        assertThat(SeedScript.SCRIPT).doesNotContain("eval ");
    }
}
