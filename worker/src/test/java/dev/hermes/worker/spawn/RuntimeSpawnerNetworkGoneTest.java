package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.Account;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import org.junit.jupiter.api.Test;

/** A container whose network is gone cannot be started; the spawner creates it again (the volume stays). */
class RuntimeSpawnerNetworkGoneTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();

    @Test
    void aStoppedRuntimeWhoseNetworkIsGoneIsCreatedAgainInsteadOfFailing() {
        ContainerSpec spec = fleet.specs.specFor(user, fleet.settings.refresh(), Account.unknown(user));
        String oldId = fleet.docker.existing(spec.name(), spec.labels(), 8642, false).id;
        fleet.docker.networkGoneAtNextStart(spec.name());

        StartedContainer started = fleet.spawner.ensureStarted(spec);

        assertThat(started.containerId()).isNotEqualTo(oldId);
        assertThat(fleet.docker.container(spec.name()).orElseThrow().running).isTrue();
        assertThat(fleet.docker.calls())
                .containsSubsequence("start " + oldId, "remove " + spec.name(), "create " + spec.name());
    }

    @Test
    void aNewRuntimeWhoseNetworkWentBeforeItsStartIsCreatedAgain() {
        ContainerSpec spec = fleet.specs.specFor(user, fleet.settings.refresh(), Account.unknown(user));
        fleet.docker.networkGoneAtNextStart(spec.name());

        StartedContainer started = fleet.spawner.ensureStarted(spec);

        assertThat(started.created()).isTrue();
        assertThat(fleet.docker.container(spec.name()).orElseThrow().running).isTrue();
        assertThat(fleet.docker.calls().stream().filter(c -> c.equals("create " + spec.name())))
                .hasSize(2);
    }
}
