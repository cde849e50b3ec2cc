package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.FakeFleet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The adopt decision: a container or volume of another fleet (or of no fleet) is never touched. */
class FleetConflictTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();

    private FakeDocker.Container existingOf(String otherFleet, boolean running, boolean stale) {
        Map<String, String> labels = new HashMap<>(fleet.labelsFor(user));
        if (otherFleet == null) {
            labels.remove(ContainerSpec.LABEL_FLEET);
        } else {
            labels.put(ContainerSpec.LABEL_FLEET, otherFleet);
        }
        if (stale) {
            labels.put(ContainerSpec.LABEL_CONFIG_HASH, "older");
            labels.put(ContainerSpec.LABEL_SETTINGS_VERSION, "1");
        }
        return fleet.docker.existing(user.containerName(), labels, 8642, running);
    }

    private void assertConflictAndUntouched(FakeDocker.Container theirs, boolean wasRunning, String theirFleet) {
        int callsBefore = fleet.docker.calls().size();
        assertThatThrownBy(() -> fleet.ensurer.ensure(user, UUID.randomUUID()))
                .isInstanceOfSatisfying(EnsureFailedException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(FleetConflictException.class);
                    assertThat(e.getCause().getMessage())
                            .contains(FakeFleet.FLEET)
                            .contains(theirFleet);
                });
        List<String> calls =
                fleet.docker.calls().subList(callsBefore, fleet.docker.calls().size());
        assertThat(calls).noneMatch(c -> c.startsWith("start") || c.startsWith("stop") || c.startsWith("remove"));
        assertThat(fleet.docker.container(user.containerName())).containsSame(theirs);
        assertThat(theirs.running).isEqualTo(wasRunning);
        assertThat(fleet.registry.find(user)).isNull();
    }

    @Test
    void aRunningContainerOfAnotherFleetIsNotAdopted() {
        FakeDocker.Container theirs = existingOf("fleet-b", true, false);
        assertConflictAndUntouched(theirs, true, "fleet-b");
    }

    @Test
    void aStoppedContainerOfAnotherFleetIsNotStarted() {
        FakeDocker.Container theirs = existingOf("fleet-b", false, false);
        assertConflictAndUntouched(theirs, false, "fleet-b");
    }

    @Test
    void aStaleStoppedContainerOfAnotherFleetIsNotRemoved() {
        FakeDocker.Container theirs = existingOf("fleet-b", false, true);
        assertConflictAndUntouched(theirs, false, "fleet-b");
    }

    @Test
    void aManagedContainerWithNoFleetLabelIsNotAdoptedEither() {
        FakeDocker.Container theirs = existingOf(null, true, false);
        assertConflictAndUntouched(theirs, true, "no hermes.fleet label");
    }

    @Test
    void aVolumeOfAnotherFleetIsNeverMounted() {
        fleet.docker.addVolume(user.volumeName(), Map.of(ContainerSpec.LABEL_FLEET, "fleet-b"));

        assertThatThrownBy(() -> fleet.ensurer.ensure(user, UUID.randomUUID()))
                .hasCauseInstanceOf(FleetConflictException.class)
                .hasMessageContaining(user.volumeName());
        assertThat(fleet.docker.calls()).noneMatch(c -> c.startsWith("create"));
    }

    @Test
    void aVolumeWithNoFleetLabelPredatesFleetsAndIsUsed() {
        fleet.docker.addVolume(user.volumeName(), Map.of(ContainerSpec.LABEL_MANAGED, "true"));

        assertThat(fleet.ensurer.ensure(user, UUID.randomUUID()).cold()).isTrue();
    }

    @Test
    void aContainerOfThisFleetIsStillAdopted() {
        String id = fleet.existingAtVersion(user, 3, true).id;
        fleet.health = (name, url, running) -> true;

        assertThat(fleet.ensurer.ensure(user, UUID.randomUUID()).runtime().containerId())
                .isEqualTo(id);
    }

    @Test
    void recreatesLeaveAnotherFleetsContainerAlone() {
        FakeDocker.Container theirs = existingOf("fleet-b", true, true);
        fleet.settingsChangedTo(4);

        assertThat(fleet.ensurer.recreateIfStale(user)).isEmpty();
        assertThat(fleet.ensurer.recreateIfIdentityChanged(user)).isEmpty();
        assertThat(fleet.docker.calls()).noneMatch(c -> c.startsWith("remove") || c.startsWith("stop"));
        assertThat(theirs.running).isTrue();
    }
}
