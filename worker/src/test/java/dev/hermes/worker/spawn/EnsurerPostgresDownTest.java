package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.Account;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PostgreSQL down: warm answers make no read, cold spawns go on with the last settings and identity read. */
class EnsurerPostgresDownTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();

    private void postgresDown() {
        fleet.settingsSource.settingsDown = true;
        fleet.settingsSource.accountsDown = true;
        assertThat(fleet.settings.probe()).isFalse();
    }

    private String hashOfRunningContainer() {
        return fleet.docker.container(user.containerName()).orElseThrow().labels.get(ContainerSpec.LABEL_CONFIG_HASH);
    }

    @Test
    void aWarmAnswerReadsNothingFromTheDatabase() {
        fleet.ensurer.ensure(user, UUID.randomUUID());
        postgresDown();
        int reads = fleet.settingsSource.reads.get();

        EnsureOutcome warm = fleet.ensurer.ensure(user, UUID.randomUUID());

        assertThat(warm.cold()).isFalse();
        assertThat(fleet.settingsSource.reads.get()).isEqualTo(reads);
    }

    @Test
    void aColdSpawnOfAKnownFamilyUsesTheLastSettingsAndIdentityReadWithoutAskingTheDatabase() {
        fleet.settingsSource.saveAccount(new Account(user, "The Curies", null, null, null, null));
        fleet.ensurer.ensure(user, UUID.randomUUID());
        String hashWithIdentity = hashOfRunningContainer();
        fleet.docker.remove(user.containerName()); // reaped
        fleet.registry.remove(user);
        postgresDown();
        int reads = fleet.settingsSource.reads.get();

        EnsureOutcome cold = fleet.ensurer.ensure(user, UUID.randomUUID());

        assertThat(cold.cold()).isTrue();
        assertThat(cold.runtime().settingsVersion()).isEqualTo(3);
        assertThat(hashOfRunningContainer()).isEqualTo(hashWithIdentity);
        assertThat(fleet.settingsSource.reads.get())
                .as("no read waits out the pool's timeout while the database is known to be down")
                .isEqualTo(reads);
    }

    @Test
    void aColdSpawnOfAFamilyNeverReadLeavesTheVolumesIdentityBlockAndIsNotRecreatedForItLater() {
        UserId other = UserId.random();
        fleet.ensurer.ensure(other, UUID.randomUUID()); // the settings were read once
        fleet.settingsSource.saveAccount(new Account(user, "The Curies", null, null, null, null));
        postgresDown();

        EnsureOutcome cold = fleet.ensurer.ensure(user, UUID.randomUUID());

        ContainerSpec kept = fleet.specs.specFor(user, fleet.settings.current(), Optional.empty());
        assertThat(cold.cold()).isTrue();
        assertThat(hashOfRunningContainer()).isEqualTo(kept.configHash());
        assertThat(kept.env()).contains(SeedScript.IDENTITY_ENV + "=");
        assertThat(fleet.ensurer.recreateIfIdentityChanged(user))
                .as("no identity known: nothing to recreate with")
                .isEmpty();
        assertThat(fleet.ensurer.recreateIfStale(user))
                .as("same settings and image: the campaign leaves it alone")
                .isEmpty();
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().id)
                .isEqualTo(cold.runtime().containerId());
    }

    @Test
    void anIdentityLessRuntimeGetsItsBlockOnceAtTheNextAccountUpdateAndIsThenLeftAlone() {
        fleet.ensurer.ensure(UserId.random(), UUID.randomUUID());
        postgresDown();
        EnsureOutcome cold = fleet.ensurer.ensure(user, UUID.randomUUID());
        fleet.settingsSource.settingsDown = false;
        fleet.settingsSource.accountsDown = false;
        fleet.settingsSource.saveAccount(new Account(user, "The Curies", null, null, null, null));

        EnsureOutcome recreated = fleet.ensurer.recreateIfIdentityChanged(user).orElseThrow();

        assertThat(recreated.runtime().containerId())
                .isNotEqualTo(cold.runtime().containerId());
        assertThat(hashOfRunningContainer())
                .isEqualTo(fleet.specs
                        .specFor(user, fleet.settings.current(), fleet.settings.account(user))
                        .configHash());
        assertThat(fleet.ensurer.recreateIfIdentityChanged(user)).isEmpty();
        assertThat(fleet.ensurer.recreateIfStale(user)).isEmpty();
    }
}
