package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.fakes.FakeFleet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnsurerTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();
    private final UUID correlationId = UUID.randomUUID();

    @Test
    void aColdSpawnCreatesStartsAndWaitsForHealthAndSaysSo() {
        EnsureOutcome outcome = fleet.ensurer.ensure(user, correlationId);

        assertThat(outcome.cold()).isTrue();
        assertThat(outcome.runtime().settingsVersion()).isEqualTo(3);
        assertThat(outcome.runtime().url()).startsWith("http://127.0.0.1:");
        assertThat(outcome.facts()).hasSize(2);
        RuntimeFact.Spawned spawned = (RuntimeFact.Spawned) outcome.facts().get(0);
        assertThat(spawned.correlationId()).isEqualTo(correlationId);
        assertThat(spawned.containerName()).isEqualTo(user.containerName());
        assertThat(spawned.settingsVersion()).isEqualTo(3);
        RuntimeFact.Started started = (RuntimeFact.Started) outcome.facts().get(1);
        assertThat(started.adopted()).isFalse();
        assertThat(started.containerId()).isEqualTo(spawned.containerId());
        assertThat(fleet.docker.calls())
                .containsSubsequence("create " + user.containerName(), "start " + spawned.containerId());
        assertThat(fleet.registry.find(user)).isEqualTo(outcome.runtime());
        assertThat(fleet.audited()).as("the Ensurer publishes nothing itself").isEmpty();
    }

    @Test
    void aKnownHealthyRuntimeIsAnsweredFromMemoryWithNoFacts() {
        EnsureOutcome cold = fleet.ensurer.ensure(user, correlationId);
        int callsAfterCold = fleet.docker.calls().size();

        EnsureOutcome warm = fleet.ensurer.ensure(user, UUID.randomUUID());

        assertThat(warm.cold()).isFalse();
        assertThat(warm.runtime()).isEqualTo(cold.runtime());
        assertThat(warm.facts()).isEmpty();
        assertThat(fleet.docker.calls()).hasSize(callsAfterCold);
        assertThat(fleet.ensurer.isWarm(user)).isTrue();
    }

    @Test
    void aRunningContainerOfTheFamilyIsAdoptedNotCreatedAgain() {
        String existingId = fleet.existingAtVersion(user, 3, true).id;
        fleet.health = (name, url, running) -> true; // it was up already

        EnsureOutcome outcome = fleet.ensurer.ensure(user, correlationId);

        assertThat(outcome.cold()).isFalse();
        assertThat(outcome.runtime().containerId()).isEqualTo(existingId);
        assertThat(outcome.facts())
                .singleElement()
                .isInstanceOfSatisfying(
                        RuntimeFact.Adopted.class,
                        adopted -> assertThat(adopted.wasRunning()).isTrue());
        assertThat(fleet.docker.calls()).noneMatch(call -> call.startsWith("start"));
    }

    @Test
    void aStoppedContainerOfTheFamilyIsAdoptedAndStarted() {
        String id = fleet.existingAtVersion(user, 3, false).id;

        EnsureOutcome outcome = fleet.ensurer.ensure(user, correlationId);

        assertThat(outcome.cold()).isTrue();
        assertThat(outcome.facts()).hasSize(2);
        assertThat(outcome.facts().get(0)).isInstanceOf(RuntimeFact.Adopted.class);
        assertThat(outcome.facts().get(1))
                .isInstanceOfSatisfying(
                        RuntimeFact.Started.class,
                        started -> assertThat(started.adopted()).isTrue());
        assertThat(fleet.docker.calls()).contains("start " + id);
    }

    @Test
    void aRuntimeOnOlderSettingsIsRecreatedBeforeItIsAnswered() {
        fleet.ensurer.ensure(user, correlationId);
        fleet.settingsChangedTo(4);
        fleet.clock.advance(Duration.ofSeconds(1));

        EnsureOutcome outcome = fleet.ensurer.ensure(user, UUID.randomUUID());

        assertThat(outcome.runtime().settingsVersion()).isEqualTo(4);
        assertThat(outcome.facts()).hasSize(4);
        assertThat(outcome.facts().get(0)).isInstanceOfSatisfying(RuntimeFact.Stopped.class, stopped -> {
            assertThat(stopped.reason()).isEqualTo(StopReason.SETTINGS_RECREATE);
            assertThat(stopped.removed()).isTrue();
        });
        assertThat(outcome.facts().get(1))
                .isInstanceOfSatisfying(
                        RuntimeFact.Spawned.class,
                        spawned -> assertThat(spawned.correlationId())
                                .as("a recreate answers no request")
                                .isNull());
        assertThat(outcome.facts().get(2)).isInstanceOf(RuntimeFact.Started.class);
        assertThat(outcome.facts().get(3)).isInstanceOfSatisfying(RuntimeFact.Recreated.class, recreated -> {
            assertThat(recreated.fromVersion()).isEqualTo(3);
            assertThat(recreated.toVersion()).isEqualTo(4);
        });
        assertThat(fleet.docker.calls()).contains("remove " + user.containerName());
    }

    @Test
    void recreateIfStaleLeavesACurrentRuntimeAlone() {
        fleet.ensurer.ensure(user, correlationId);

        assertThat(fleet.ensurer.recreateIfStale(user)).isEmpty();
        fleet.settingsChangedTo(4);
        assertThat(fleet.ensurer.recreateIfStale(user))
                .hasValueSatisfying(outcome ->
                        assertThat(outcome.runtime().settingsVersion()).isEqualTo(4));
    }

    @Test
    void aHealthTimeoutStopsTheContainerAndThrowsWithTheFactsSoFar() {
        fleet.health = (name, url, running) -> {
            throw new HealthTimeoutException(name, Duration.ofSeconds(3), "HTTP 503");
        };

        assertThatThrownBy(() -> fleet.ensurer.ensure(user, correlationId))
                .isInstanceOfSatisfying(EnsureFailedException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(HealthTimeoutException.class);
                    assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage());
                    assertThat(e.factsSoFar()).hasSize(3);
                    assertThat(e.factsSoFar().get(0)).isInstanceOf(RuntimeFact.Spawned.class);
                    assertThat(e.factsSoFar().get(1)).isInstanceOf(RuntimeFact.Started.class);
                    assertThat(e.factsSoFar().get(2)).isInstanceOfSatisfying(RuntimeFact.Stopped.class, stopped -> {
                        assertThat(stopped.reason()).isEqualTo(StopReason.HEALTH_TIMEOUT);
                        assertThat(stopped.removed()).isFalse();
                    });
                });
        assertThat(fleet.docker.container(user.containerName()))
                .hasValueSatisfying(c -> assertThat(c.running).isFalse());
        assertThat(fleet.registry.find(user)).isNull();
    }

    @Test
    void aRunningContainerOnAnOldImageIsRecreatedOnEnsureAsARollout() {
        String oldId = fleet.existingAtVersion(user, 3, true).id;
        fleet.imageId = "sha256:image-b"; // a worker that gained the partition, or restarted, after a rollout

        EnsureOutcome outcome = fleet.ensurer.ensure(user, correlationId);

        assertThat(outcome.runtime().containerId()).isNotEqualTo(oldId);
        assertThat(outcome.facts().get(0))
                .isInstanceOfSatisfying(
                        RuntimeFact.Stopped.class,
                        stopped -> assertThat(stopped.reason()).isEqualTo(StopReason.IMAGE_ROLLOUT));
        assertThat(outcome.facts()).last().isInstanceOf(RuntimeFact.Recreated.class);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().labels)
                .containsEntry(dev.hermes.worker.docker.ContainerSpec.LABEL_IMAGE_ID, "sha256:image-b");
    }

    @Test
    void aStoppedContainerOnAnOldImageIsReplacedNotStarted() {
        String oldId = fleet.existingAtVersion(user, 3, false).id;
        fleet.imageId = "sha256:image-b";

        EnsureOutcome outcome = fleet.ensurer.ensure(user, correlationId);

        assertThat(outcome.runtime().containerId()).isNotEqualTo(oldId);
        assertThat(fleet.docker.calls())
                .contains("remove " + user.containerName())
                .doesNotContain("start " + oldId);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().labels)
                .containsEntry(dev.hermes.worker.docker.ContainerSpec.LABEL_IMAGE_ID, "sha256:image-b");
    }

    @Test
    void anUnavailableImageFailsTheEnsureWithTheReasonAndCreatesNothing() {
        fleet.imageId = null;

        assertThatThrownBy(() -> fleet.ensurer.ensure(user, correlationId))
                .isInstanceOf(EnsureFailedException.class)
                .hasCauseInstanceOf(ImageUnavailableException.class)
                .hasMessageContaining("agent image hermes-agent:test is not available: no such image");
        assertThat(fleet.docker.calls()).noneMatch(call -> call.startsWith("create") || call.startsWith("volume"));
    }
}
