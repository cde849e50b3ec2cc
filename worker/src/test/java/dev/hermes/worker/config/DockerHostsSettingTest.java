package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostsSettingTest {
    @Test
    void theSettingNamesTheVariableInItsMessage() {
        assertThatThrownBy(() -> DockerSettings.DOCKER_HOSTS.read(Map.of("HERMES_DOCKER_HOSTS", "a=b")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HERMES_DOCKER_HOSTS")
                .hasMessageContaining("not name=endpoint@address/capacity");
    }
}
