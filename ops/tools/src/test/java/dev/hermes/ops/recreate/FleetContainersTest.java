package dev.hermes.ops.recreate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.worker.docker.ContainerSpec;
import org.junit.jupiter.api.Test;

class FleetContainersTest {
    @Test
    void readsTheLabelsTheWorkerWritesOnItsContainers() {
        assertThat(FleetContainers.LABEL_MANAGED).isEqualTo(ContainerSpec.LABEL_MANAGED);
        assertThat(FleetContainers.LABEL_FLEET).isEqualTo(ContainerSpec.LABEL_FLEET);
        assertThat(FleetContainers.LABEL_USER).isEqualTo(ContainerSpec.LABEL_USER);
        assertThat(FleetContainers.LABEL_SETTINGS_VERSION).isEqualTo(ContainerSpec.LABEL_SETTINGS_VERSION);
    }
}
