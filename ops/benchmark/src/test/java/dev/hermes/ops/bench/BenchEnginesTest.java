package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.DockerHost;
import dev.hermes.ops.cli.CliEnv;
import dev.hermes.ops.status.Engine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Builds clients only (docker-java connects on the first call): nothing here talks to an engine. */
class BenchEnginesTest {
    private static final String TWO =
            "a=unix:///var/run/docker.sock@127.0.0.1/500,b=unix:///run/hermes-docker-b/docker.sock@127.0.0.2/500";

    @Test
    void twoHostsShareTheStacksClientForDockerHostAndOpenOneForTheOther() {
        try (BenchEngines engines = new BenchEngines(new CliEnv(Map.of("HERMES_DOCKER_HOSTS", TWO)), null)) {
            assertThat(engines.configured()).extracting(DockerHost::name).containsExactly("a", "b");
            assertThat(engines.invalid()).isNull();
            assertThat(engines.engines()).extracting(Engine::name).containsExactly("a", "b");
            assertThat(engines.engines().get(0).docker()).isNull();
            assertThat(engines.engines().get(1).docker()).isNotNull();
            assertThat(engines.others()).hasSize(1);
        }
    }

    @Test
    void withoutHostsTheStackHasOneLocalEngineAndNoOthers() {
        try (BenchEngines engines = new BenchEngines(new CliEnv(Map.of()), null)) {
            assertThat(engines.configured()).isEmpty();
            assertThat(engines.engines()).extracting(Engine::name).containsExactly(DockerHost.LOCAL);
            assertThat(engines.others()).isEmpty();
        }
    }

    @Test
    void anUnparsableSettingIsKeptAsTheReasonAndTheStackStillHasItsLocalEngine() {
        try (BenchEngines engines = new BenchEngines(new CliEnv(Map.of("HERMES_DOCKER_HOSTS", "nonsense")), null)) {
            assertThat(engines.invalid()).contains("nonsense");
            assertThat(engines.configured()).isEmpty();
            assertThat(engines.engines()).extracting(Engine::name).containsExactly(DockerHost.LOCAL);
        }
    }
}
