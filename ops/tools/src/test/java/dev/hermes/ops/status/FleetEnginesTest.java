package dev.hermes.ops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.InvalidDockerHostsException;
import org.junit.jupiter.api.Test;

class FleetEnginesTest {
    @Test
    void everyHostOfHermesDockerHostsIsAnEngineNamedAsTheWorkersNameIt() {
        try (FleetEngines engines = FleetEngines.connect(
                "a=unix:///run/a.sock@127.0.0.1/5,b=unix:///run/b.sock@127.0.0.2/5",
                "unix:///var/run/docker.sock",
                1)) {
            assertThat(engines.list()).extracting(Engine::name).containsExactly("a", "b");
        }
    }

    @Test
    void withoutHostsDockerHostIsTheOneEngineLocal() {
        try (FleetEngines engines = FleetEngines.connect("", "unix:///var/run/docker.sock", 1)) {
            assertThat(engines.list()).extracting(Engine::name).containsExactly("local");
        }
    }

    @Test
    void hostsThatDoNotParseAreRefusedAsTheWorkersRefuseThem() {
        assertThatThrownBy(() -> FleetEngines.connect("a=b", "unix:///var/run/docker.sock", 1))
                .isInstanceOf(InvalidDockerHostsException.class)
                .hasMessageContaining("not name=endpoint@address/capacity");
    }
}
