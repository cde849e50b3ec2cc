package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.Account;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountRecreatorTest {
    private static final int PARTITIONS = 4;
    private final FakeFleet fleet = new FakeFleet();
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(4, "test-lane");
    private final AccountRecreator recreator = new AccountRecreator(
            new FleetScope(FakeFleet.FLEET, () -> Set.of(0, 1), () -> PARTITIONS),
            lanes,
            fleet.ensurer,
            fleet.audit,
            2);

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    private static UserId onPartition(int partition) {
        while (true) {
            UserId user = UserId.random();
            if (Partitions.of(user, PARTITIONS) == partition) {
                return user;
            }
        }
    }

    @Test
    void theOwnersRunningRuntimeIsRecreatedThroughItsLaneAndAuditedAsAccountUpdated() {
        UserId user = onPartition(1);
        fleet.ensurer.ensure(user, UUID.randomUUID());
        fleet.settingsSource.saveAccount(new Account(user, "New Name", null, null, null, null));
        UUID causation = UUID.randomUUID();

        assertThat(recreator.accountChanged(user, causation)).isTrue();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.audited(RuntimeRecreated.class).size() == 1);
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.reason()).isEqualTo(StopReason.ACCOUNT_UPDATED);
        assertThat(stopped.causationId()).isEqualTo(causation);
        assertThat(fleet.audited()).allSatisfy(e -> assertThat(e.userId()).isEqualTo(user));
        assertThat(fleet.audited()).extracting(Event::type).startsWith("RuntimeStopped");
    }

    @Test
    void aFamilyOfAPartitionThisWorkerDoesNotOwnIsLeftToItsOwner() {
        UserId user = onPartition(3);
        fleet.existingAtVersion(user, 3, true);
        fleet.settingsSource.saveAccount(new Account(user, "New Name", null, null, null, null));
        int calls = fleet.docker.calls().size();

        assertThat(recreator.accountChanged(user, UUID.randomUUID())).isFalse();

        assertThat(fleet.docker.calls()).hasSize(calls);
        assertThat(fleet.audited()).isEmpty();
    }

    @Test
    void aRecreateThatFailedBeforeTouchingTheOldRuntimeIsRetriedUntilItWorks() {
        UserId user = onPartition(0);
        String oldId = fleet.ensurer.ensure(user, UUID.randomUUID()).runtime().containerId();
        fleet.settingsSource.saveAccount(new Account(user, "New Name", null, null, null, null));
        fleet.imageId = null; // the new container cannot be built
        UUID causation = UUID.randomUUID();

        assertThat(recreator.accountChanged(user, causation)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> recreator.retryFailed() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> recreator.retryFailed() == 1);

        assertThat(fleet.docker.container(user.containerName()).orElseThrow().id)
                .isEqualTo(oldId);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .isTrue();
        assertThat(fleet.audited(RuntimeStopped.class)).isEmpty();

        fleet.imageId = "sha256:image-a";
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            recreator.retryFailed();
            return fleet.audited(RuntimeRecreated.class).size() == 1;
        });
        assertThat(fleet.audited(RuntimeStopped.class).get(0).causationId()).isEqualTo(causation);
        await().atMost(Duration.ofSeconds(5)).until(() -> recreator.retryFailed() == 0);
        assertThat(fleet.audited(RuntimeRecreated.class)).as("recreated once").hasSize(1);
    }
}
