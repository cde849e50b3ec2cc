package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FleetRecreatorTest {
    private static final int PARTITIONS = 4;
    private final FakeFleet fleet = new FakeFleet();
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(4, "test-lane");
    private final OwnedRuntimes runtimes = new OwnedRuntimes(
            fleet.docker, new FleetScope(FakeFleet.FLEET, () -> Set.of(0, 1), () -> PARTITIONS), lanes, fleet.meters);
    private final FleetRecreator recreator = new FleetRecreator(
            runtimes, fleet.ensurer, fleet.settings, fleet.audit, fleet.meters, 2, null, fleet.clock);

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    @Test
    void onlyTheStaleRuntimesOfOwnedPartitionsAreRecreated() throws Exception {
        UserId stale = onPartition(0);
        UserId notOwned = onPartition(2);
        UserId current = onPartition(1);
        fleet.existingAtVersion(stale, 3, true);
        fleet.existingAtVersion(notOwned, 3, true);
        fleet.settingsChangedTo(4);
        fleet.existingAtVersion(current, 4, true);
        UUID causation = UUID.randomUUID();

        assertThat(recreator.recreateStale(causation)).isEqualTo(1);

        List<Event> audited = fleet.audited();
        assertThat(audited)
                .extracting(Event::type)
                .containsExactly("RuntimeStopped", "RuntimeSpawned", "RuntimeStarted", "RuntimeRecreated");
        assertThat(audited).allSatisfy(event -> assertThat(event.userId()).isEqualTo(stale));
        assertThat(((RuntimeStopped) audited.get(0)).reason()).isEqualTo(StopReason.SETTINGS_RECREATE);
        assertThat(((RuntimeStopped) audited.get(0)).causationId()).isEqualTo(causation);
        RuntimeRecreated recreated = (RuntimeRecreated) audited.get(3);
        assertThat(recreated.fromSettingsVersion()).isEqualTo(3);
        assertThat(recreated.settingsVersion()).isEqualTo(4);
        assertThat(fleet.docker.calls())
                .contains("remove " + stale.containerName())
                .doesNotContain("remove " + notOwned.containerName(), "remove " + current.containerName());
        assertThat(fleet.meters.runtimes().settingsDrift().get()).isZero();
    }

    @Test
    void aReplayedChangeRecreatesNothingMore() throws Exception {
        UserId stale = onPartition(0);
        fleet.existingAtVersion(stale, 3, true);
        fleet.settingsChangedTo(4);
        UUID causation = UUID.randomUUID();
        assertThat(recreator.recreateStale(causation)).isEqualTo(1);
        int events = fleet.audited().size();
        int dockerCalls = fleet.docker.calls().size();

        assertThat(recreator.recreateStale(causation)).isZero();

        assertThat(fleet.audited()).hasSize(events);
        assertThat(fleet.docker.calls()).hasSize(dockerCalls + 1).last().isEqualTo("list " + FakeFleet.FLEET);
    }

    @Test
    void aNewImageRecreatesTheRuntimesOnTheOldOneOnceAsARollout() throws Exception {
        UserId onOldImage = onPartition(0);
        UserId alreadyOnNew = onPartition(1);
        fleet.existingAtVersion(onOldImage, 3, true);
        fleet.imageId = "sha256:image-b";
        fleet.existingAtVersion(alreadyOnNew, 3, true);

        assertThat(recreator.recreateStale(null)).isEqualTo(1);

        List<Event> audited = fleet.audited();
        assertThat(audited).allSatisfy(event -> assertThat(event.userId()).isEqualTo(onOldImage));
        assertThat(((RuntimeStopped) audited.get(0)).reason()).isEqualTo(StopReason.IMAGE_ROLLOUT);
        RuntimeRecreated recreated = (RuntimeRecreated) audited.get(audited.size() - 1);
        assertThat(recreated.fromSettingsVersion()).isEqualTo(3);
        assertThat(recreated.settingsVersion()).isEqualTo(3);
        assertThat(fleet.docker.container(onOldImage.containerName()).orElseThrow().labels)
                .containsEntry(ContainerSpec.LABEL_IMAGE_ID, "sha256:image-b");
        assertThat(fleet.docker.calls()).doesNotContain("remove " + alreadyOnNew.containerName());
        assertThat(fleet.meters.runtimes().settingsDrift().get()).isZero();

        assertThat(recreator.recreateStale(null))
                .as("the labels are the truth: done is done")
                .isZero();
        assertThat(fleet.audited()).hasSize(audited.size());
    }

    @Test
    void aSettingsChangeAndANewImageTogetherRecreateEachRuntimeOnce() throws Exception {
        UserId user = onPartition(0);
        fleet.existingAtVersion(user, 3, true);
        fleet.imageId = "sha256:image-b";
        fleet.settingsChangedTo(4);

        assertThat(recreator.recreateStale(null)).isEqualTo(1);

        assertThat(fleet.audited(RuntimeStopped.class))
                .singleElement()
                .satisfies(stopped -> assertThat(stopped.reason()).isEqualTo(StopReason.SETTINGS_RECREATE));
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().labels)
                .containsEntry(ContainerSpec.LABEL_IMAGE_ID, "sha256:image-b")
                .containsEntry(ContainerSpec.LABEL_SETTINGS_VERSION, "4");
    }

    @Test
    void aRuntimeFromBeforeImageIdsWereLabelledIsJudgedByTheImageItRuns() throws Exception {
        UserId sameImage = onPartition(0);
        UserId oldImage = onPartition(1);
        for (UserId user : List.of(sameImage, oldImage)) {
            java.util.Map<String, String> labels = new java.util.HashMap<>(fleet.labelsFor(user));
            labels.remove(ContainerSpec.LABEL_IMAGE_ID);
            fleet.docker.existing(user.containerName(), labels, 8642, true).image =
                    user == sameImage ? fleet.imageId : "sha256:older";
        }

        assertThat(recreator.recreateStale(null)).isEqualTo(1);

        assertThat(fleet.audited(RuntimeStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.userId()).isEqualTo(oldImage);
            assertThat(stopped.reason()).isEqualTo(StopReason.IMAGE_ROLLOUT);
        });
    }

    private static UserId onPartition(int partition) {
        while (true) {
            UserId user = UserId.random();
            if (Partitions.of(user, PARTITIONS) == partition) {
                return user;
            }
        }
    }
}
