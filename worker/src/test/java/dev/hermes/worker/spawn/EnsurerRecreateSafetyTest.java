package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.FakeFleet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A recreate reads everything the new container needs (account, image id, network) before it touches the old one:
 * when a read fails, the old runtime is untouched and still answers, and the next pass recreates it.
 */
class EnsurerRecreateSafetyTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();
    private int mark;

    private java.util.List<String> callsSinceMark() {
        java.util.List<String> calls = fleet.docker.calls();
        return calls.subList(mark, calls.size());
    }

    private FakeDocker.Container old() {
        return fleet.docker.container(user.containerName()).orElseThrow();
    }

    private void assertOldUntouchedAndServing(String oldId) {
        assertThat(callsSinceMark()).noneMatch(call -> call.startsWith("remove") || call.startsWith("stop"));
        assertThat(old().id).isEqualTo(oldId);
        assertThat(old().running).isTrue();
        assertThat(fleet.registry.get(user))
                .hasValueSatisfying(r -> assertThat(r.containerId()).isEqualTo(oldId));
    }

    @Test
    void anAccountNeverReadWhilePostgresIsDownLeavesTheOldRuntimeServingUntilItCanBeRead() {
        String oldId = fleet.existingAtVersion(user, 3, true).id;
        fleet.settingsSource.accountsDown = true;
        fleet.health = (name, url, running) -> true;
        EnsureOutcome adopted = fleet.ensurer.ensure(user, UUID.randomUUID()); // adopted during the outage
        assertThat(adopted.runtime().containerId()).isEqualTo(oldId);
        assertThat(fleet.settings.outage()).contains("connection refused (accounts)");
        fleet.settingsSource.bumpTo(4); // version 4 is read (the settings answer), the account is not
        assertThat(fleet.settings.probe()).isTrue();
        assertThat(fleet.settings.refresh().version()).isEqualTo(4);
        mark = fleet.docker.calls().size();

        assertThatThrownBy(() -> fleet.ensurer.recreateIfStale(user))
                .isInstanceOf(EnsureFailedException.class)
                .hasMessageContaining("never read and PostgreSQL is down")
                .satisfies(e ->
                        assertThat(((EnsureFailedException) e).factsSoFar()).isEmpty());
        assertOldUntouchedAndServing(oldId);
        assertThat(fleet.ensurer.recreateIfIdentityChanged(user))
                .as("no identity to recreate with")
                .isEmpty();
        assertOldUntouchedAndServing(oldId);

        fleet.settingsSource.accountsDown = false;
        assertThat(fleet.settings.probe()).isTrue(); // the periodic probe sees the database again
        EnsureOutcome recreated = fleet.ensurer.recreateIfStale(user).orElseThrow();

        assertThat(recreated.runtime().settingsVersion()).isEqualTo(4);
        assertThat(recreated.runtime().containerId()).isNotEqualTo(oldId);
        assertThat(recreated.facts().get(0))
                .isInstanceOfSatisfying(
                        RuntimeFact.Stopped.class, s -> assertThat(s.reason()).isEqualTo(StopReason.SETTINGS_RECREATE));
    }

    @Test
    void anImageThatCannotBeResolvedLeavesTheOldRuntimeServingAndTheNextPassRecreatesIt() {
        String oldId = fleet.ensurer.ensure(user, UUID.randomUUID()).runtime().containerId();
        fleet.settingsChangedTo(4);
        fleet.imageId = null;
        mark = fleet.docker.calls().size();

        assertThatThrownBy(() -> fleet.ensurer.recreateIfStale(user))
                .isInstanceOf(EnsureFailedException.class)
                .hasCauseInstanceOf(ImageUnavailableException.class);
        assertOldUntouchedAndServing(oldId);

        fleet.imageId = "sha256:image-a";
        assertThat(fleet.ensurer.recreateIfStale(user))
                .hasValueSatisfying(
                        o -> assertThat(o.runtime().settingsVersion()).isEqualTo(4));
    }

    @Test
    void aFleetNetworkDockerCannotGiveLeavesTheOldRuntimeServing() {
        String oldId = fleet.ensurer.ensure(user, UUID.randomUUID()).runtime().containerId();
        fleet.settingsChangedTo(4);
        fleet.docker.networkFailure = new DockerCallFailedException("network create refused", null);
        mark = fleet.docker.calls().size();

        assertThatThrownBy(() -> fleet.ensurer.recreateIfStale(user)).isInstanceOf(EnsureFailedException.class);

        assertThat(callsSinceMark())
                .contains("network "
                        + fleet.specs
                                .specFor(user, fleet.settings.current(), fleet.settings.account(user))
                                .network()
                                .name());
        assertOldUntouchedAndServing(oldId);
    }

    @Test
    void anEnsureThatCannotBuildTheNewRuntimeAnswersWithTheOldOne() {
        EnsureOutcome first = fleet.ensurer.ensure(user, UUID.randomUUID());
        fleet.settingsChangedTo(4);
        fleet.imageId = null;
        mark = fleet.docker.calls().size();

        EnsureOutcome outcome = fleet.ensurer.ensure(user, UUID.randomUUID());

        assertThat(outcome.cold()).isFalse();
        assertThat(outcome.runtime()).isEqualTo(first.runtime());
        assertOldUntouchedAndServing(first.runtime().containerId());
    }
}
