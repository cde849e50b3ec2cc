package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.admin.Database;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two fleets on one Docker engine: neither adopts, recreates, reaps nor starts the other's runtimes. */
@HermesStack.Use
class FleetSeparationIT {
    private static final Map<String, String> FAST_REAPING = Map.of(
            "RUNTIME_IDLE_SEC", "8",
            "HERMES_REAP_INTERVAL_SEC", "0.5",
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.5",
            "HERMES_SETTINGS_POLL_SEC", "1",
            "RUNTIME_PAUSE", "false");

    private static InspectContainerResponse inspect(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec();
    }

    private static boolean gone(Stack stack, UserId user) {
        try {
            return !Boolean.TRUE.equals(inspect(stack, user).getState().getRunning());
        } catch (NotFoundException e) {
            return true;
        }
    }

    @Test
    void theSecondFleetGetsFleetConflictAndTheFirstFleetsRuntimeAndVolumeAreUntouched(Stack stack) {
        Stack other = stack.anotherFleet("FleetSeparationOther");
        stack.startWorker();
        other.startWorker();
        UserId user = stack.newUser();
        other.track(user);
        RuntimeHandle first = stack.client().ensureRuntime(user, Duration.ofSeconds(60));
        InspectContainerResponse before = inspect(stack, user);

        assertThatThrownBy(() -> other.client().ensureRuntime(user, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(RuntimeFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.FLEET_CONFLICT);
                    assertThat(e.getMessage())
                            .contains(stack.topics().prefix() + "workers")
                            .contains(other.topics().prefix() + "workers");
                });

        InspectContainerResponse after = inspect(stack, user);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
        assertThat(after.getConfig().getLabels())
                .containsEntry("hermes.fleet", stack.topics().prefix() + "workers");
        assertThat(stack.docker().inspectVolumeCmd(user.volumeName()).exec().getLabels())
                .containsEntry("hermes.fleet", stack.topics().prefix() + "workers");
        assertThat(stack.client().ensureRuntime(user, Duration.ofSeconds(60)).url())
                .as("the first fleet still answers with its runtime")
                .isEqualTo(first.url());
        stack.stopWorkers();
        other.stopWorkers();
    }

    @Test
    void aStaleStoppedContainerOfAnotherFleetIsNeitherRemovedNorStarted(Stack stack) {
        stack.startWorker();
        UserId user = stack.newUser();
        String id = stack.docker()
                .createContainerCmd(Stack.IMAGE)
                .withName(user.containerName())
                .withLabels(Map.of(
                        "hermes.managed", "true",
                        "hermes.user-id", user.value(),
                        "hermes.settings-version", "0",
                        "hermes.config-hash", "made-by-hand",
                        "hermes.fleet", "made-by-hand"))
                .exec()
                .getId();

        assertThatThrownBy(() -> stack.client().ensureRuntime(user, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(RuntimeFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.FLEET_CONFLICT);
                    assertThat(e.getMessage()).contains("container").contains("'made-by-hand'");
                });

        InspectContainerResponse after = inspect(stack, user);
        assertThat(after.getId()).isEqualTo(id);
        assertThat(after.getState().getRunning()).isFalse();
        assertThat(after.getState().getStartedAt()).startsWith("0001-01-01");
        stack.stopWorkers();
    }

    @Test
    void aReapAndARecreateOfOneFleetLeaveTheOtherFleetsRuntimeAlone(Stack stack) {
        Stack other = stack.anotherFleet("FleetSeparationQuiet");
        other.startWorker();
        UserId theirs = other.newUser();
        stack.track(theirs);
        other.client().ensureRuntime(theirs, Duration.ofSeconds(60));
        String theirId = inspect(stack, theirs).getId();
        String theirStart = inspect(stack, theirs).getState().getStartedAt();
        other.stopWorkers(); // nobody of their fleet keeps it warm or reaps it: only ours could touch it

        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        SettingsStore store = new SettingsStore(database.jdbi());
        store.save("openrouter", "model-v1", null, new Secret("sk-" + UUID.randomUUID()), "it");
        stack.startWorker(FAST_REAPING);
        RuntimeClient client = stack.client();
        UserId reaped = stack.newUser();
        UserId recreated = stack.newUser();
        client.ensureRuntime(reaped, Duration.ofSeconds(60));
        client.ensureRuntime(recreated, Duration.ofSeconds(60));
        String recreatedId = inspect(stack, recreated).getId();

        long v2 = store.save("anthropic", "model-v2", null, new Secret("sk-" + UUID.randomUUID()), "it")
                .version();
        EventPublisher publisher =
                EventPublisher.connect(stack.bootstrapServers(), "it-admin", stack.topics(), new EventCodec());
        stack.closeLater(publisher);
        publisher
                .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), v2, "it"))
                .join();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> !inspect(stack, recreated).getId().equals(recreatedId)
                        && Long.toString(v2)
                                .equals(inspect(stack, recreated)
                                        .getConfig()
                                        .getLabels()
                                        .get("hermes.settings-version")));
        await().atMost(Duration.ofSeconds(30)).until(() -> gone(stack, reaped));

        InspectContainerResponse after = inspect(stack, theirs);
        assertThat(after.getId()).isEqualTo(theirId);
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getStartedAt()).isEqualTo(theirStart);
        assertThat(stack.docker().inspectVolumeCmd(theirs.volumeName()).exec().getName())
                .isEqualTo(theirs.volumeName());
        stack.stopWorkers();
    }
}
