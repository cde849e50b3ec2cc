package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.Account;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.config.Admission;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.settings.KnownAccounts;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Ensurer and a family's account: recreate on a new identity, and known-accounts admission. */
class EnsurerAccountTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();

    @Test
    void aRunningRuntimeBuiltFromAnOlderIdentityIsRecreatedOnceWithTheNewBlock() {
        EnsureOutcome first = fleet.ensurer.ensure(user, UUID.randomUUID());
        fleet.settingsSource.saveAccount(new Account(user, "The Curies", null, null, "Marie, Pierre", null));
        fleet.clock.advance(Duration.ofSeconds(1));

        EnsureOutcome recreated = fleet.ensurer.recreateIfIdentityChanged(user).orElseThrow();

        assertThat(recreated.runtime().containerId())
                .isNotEqualTo(first.runtime().containerId());
        assertThat(recreated.runtime().settingsVersion()).isEqualTo(3);
        assertThat(recreated.facts().get(0)).isInstanceOfSatisfying(RuntimeFact.Stopped.class, stopped -> {
            assertThat(stopped.reason()).isEqualTo(StopReason.ACCOUNT_UPDATED);
            assertThat(stopped.removed()).isTrue();
        });
        assertThat(recreated.facts().get(recreated.facts().size() - 1))
                .isInstanceOfSatisfying(
                        RuntimeFact.Recreated.class,
                        r -> assertThat(r.toVersion()).isEqualTo(r.fromVersion()));
        assertThat(fleet.registry.find(user)).isEqualTo(recreated.runtime());
        String hashBefore = fleet.labelsFor(user).get(ContainerSpec.LABEL_CONFIG_HASH);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().labels)
                .containsEntry(
                        ContainerSpec.LABEL_CONFIG_HASH,
                        fleet.specs
                                .specFor(user, fleet.settings.current(), fleet.settings.account(user))
                                .configHash())
                .doesNotContainEntry(ContainerSpec.LABEL_CONFIG_HASH, hashBefore);
        assertThat(fleet.ensurer.recreateIfIdentityChanged(user))
                .as("the new container carries the new hash")
                .isEmpty();
    }

    @Test
    void nothingIsRecreatedWhenTheIdentityIsTheSameOrNoRuntimeRuns() {
        fleet.ensurer.ensure(user, UUID.randomUUID());
        int calls = fleet.docker.calls().size();

        assertThat(fleet.ensurer.recreateIfIdentityChanged(user)).isEmpty();
        assertThat(fleet.ensurer.recreateIfIdentityChanged(UserId.random())).isEmpty();
        assertThat(fleet.docker.calls().subList(calls, fleet.docker.calls().size()))
                .noneMatch(call -> call.startsWith("create") || call.startsWith("remove"));
    }

    @Test
    void withKnownAccountsAFamilyWithoutOneGetsNoContainerAndNoVolume() {
        Ensurer ensurer = new Ensurer(
                fleet.spawner,
                (name, url, running) -> false,
                fleet.specs,
                fleet.settings,
                fleet.registry,
                fleet.meters,
                fleet.clock,
                EnsureGates.open()
                        .withAdmission(new KnownAccounts(
                                Admission.KNOWN_ACCOUNTS, Set::of, u -> false, fleet.clock, Duration.ofSeconds(10))));

        assertThatThrownBy(() -> ensurer.ensure(user, UUID.randomUUID()))
                .isInstanceOfSatisfying(EnsureFailedException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(UnknownFamilyException.class);
                    assertThat(e.factsSoFar()).isEmpty();
                });
        assertThat(fleet.docker.calls()).isEmpty();
    }

    @Test
    void withKnownAccountsAFamilyWithOneIsServed() {
        KnownAccounts known = new KnownAccounts(
                Admission.KNOWN_ACCOUNTS, () -> Set.of(user), u -> false, fleet.clock, Duration.ofSeconds(10));
        known.load();
        Ensurer ensurer = new Ensurer(
                fleet.spawner,
                (name, url, running) -> false,
                fleet.specs,
                fleet.settings,
                fleet.registry,
                fleet.meters,
                fleet.clock,
                EnsureGates.open().withAdmission(known));

        assertThat(ensurer.ensure(user, UUID.randomUUID()).cold()).isTrue();
    }
}
