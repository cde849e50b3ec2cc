package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.RuntimeLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerSpecFactoryTest {
    private static final GlobalSettings SETTINGS = new GlobalSettings(
            "openrouter", "nous/hermes", "https://example/api", Optional.empty(), 3, Instant.EPOCH, "a");
    private static final UserId USER = UserId.random();
    private static final RuntimeLimits DEFAULTS = RuntimeLimits.defaults();

    @Test
    void theSpecCarriesTheLimitsItWasBuiltWith() {
        ContainerSpec spec = specWith(DEFAULTS);

        assertThat(spec.limits()).isEqualTo(DEFAULTS);
        assertThat(spec.labels()).containsEntry(ContainerSpec.LABEL_CONFIG_HASH, spec.configHash());
    }

    @Test
    void runtimesJoinTheirFleetsNetworkWhichIsInTheConfigHashByNameNotId() {
        ContainerSpec spec = specWith(DEFAULTS);

        assertThat(spec.network().name()).isEqualTo("hermes-fleet");
        assertThat(spec.network().labels())
                .containsEntry(ContainerSpec.LABEL_MANAGED, "true")
                .containsEntry(ContainerSpec.LABEL_FLEET, "fleet");
        ContainerSpec otherFleet = specFor("staging fleet", DEFAULTS);
        assertThat(otherFleet.network().name()).isEqualTo("hermes-staging-fleet");
        assertThat(otherFleet.configHash()).isNotEqualTo(spec.configHash());
    }

    @Test
    void aRuntimeFromBeforeTheNetworkHasAnotherConfigHashSoItIsRecreatedOntoIt() {
        ContainerSpec spec = specWith(DEFAULTS);
        String config = ManagedConfig.configYaml(SETTINGS, 8642);
        String identity = ManagedConfig.identityBlock(Account.unknown(USER));
        String withoutNetwork =
                ManagedConfig.hash("hermes-agent:test", config, identity, SeedScript.SCRIPT, DEFAULTS.fingerprint());
        String withNetwork = ManagedConfig.hash(
                "hermes-agent:test",
                config,
                identity,
                SeedScript.SCRIPT,
                DEFAULTS.fingerprint(),
                spec.network().fingerprint());

        assertThat(spec.configHash()).isEqualTo(withNetwork).isNotEqualTo(withoutNetwork);
    }

    @Test
    void theConfigHashIsStableForTheSameLimits() {
        assertThat(specWith(RuntimeLimits.defaults()).configHash())
                .isEqualTo(specWith(DEFAULTS).configHash());
    }

    @Test
    void changingAnyLimitChangesTheConfigHash() {
        String base = specWith(DEFAULTS).configHash();
        List<RuntimeLimits> changed = List.of(
                new RuntimeLimits(2048, 1.0, 512, DEFAULTS.capAdd(), "10m", 3),
                new RuntimeLimits(1024, 1.5, 512, DEFAULTS.capAdd(), "10m", 3),
                new RuntimeLimits(1024, 1.0, 256, DEFAULTS.capAdd(), "10m", 3),
                new RuntimeLimits(1024, 1.0, 512, List.of("CHOWN"), "10m", 3),
                new RuntimeLimits(1024, 1.0, 512, DEFAULTS.capAdd(), "20m", 3),
                new RuntimeLimits(1024, 1.0, 512, DEFAULTS.capAdd(), "10m", 5));

        for (RuntimeLimits limits : changed) {
            assertThat(specWith(limits).configHash()).as("%s", limits).isNotEqualTo(base);
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.memoryBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(DEFAULTS.nanoCpus()).isEqualTo(1_000_000_000L);
        assertThat(DEFAULTS.pidsLimit()).isEqualTo(512);
        assertThat(DEFAULTS.capAdd()).containsExactly("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL");
        assertThat(DEFAULTS.logMaxSize()).isEqualTo("10m");
        assertThat(DEFAULTS.logMaxFile()).isEqualTo(3);
    }

    private static ContainerSpec specWith(RuntimeLimits limits) {
        return specFor("fleet", limits);
    }

    private static ContainerSpec specFor(String fleet, RuntimeLimits limits) {
        return new ContainerSpecFactory(
                        ApiKeys.fromSecret("a-test-secret-of-enough-bytes"),
                        "hermes-agent:test",
                        Path.of("/plugins"),
                        8642,
                        "127.0.0.1",
                        fleet,
                        Map.of(),
                        limits)
                .specFor(USER, SETTINGS, Account.unknown(USER));
    }
}
