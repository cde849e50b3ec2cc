package dev.hermes.worker.lifecycle;

import static dev.hermes.worker.lifecycle.PausedRuntimeIT.auditOf;
import static dev.hermes.worker.lifecycle.PausedRuntimeIT.containerId;
import static dev.hermes.worker.lifecycle.PausedRuntimeIT.paused;
import static dev.hermes.worker.lifecycle.PausedRuntimeIT.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.Database;
import dev.hermes.admin.FamilyForgetter;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every lifecycle path with a paused runtime: recreate, forget, rebalance, and the purge's Docker command. */
@HermesStack.Use
class PausedLifecycleIT {
    private static final Map<String, String> FAST_PAUSING = Map.of(
            "RUNTIME_IDLE_SEC", "1",
            "RUNTIME_STOP_SEC", "3600",
            "HERMES_REAP_INTERVAL_SEC", "0.3",
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.3",
            "HERMES_SETTINGS_POLL_SEC", "1");

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    private static UserId pausedFamily(Stack stack, RuntimeClient client) {
        UserId user = stack.newUser();
        client.ensureRuntime(user, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> paused(stack, user));
        return user;
    }

    @Test
    void aSettingsChangeRemovesAStalePausedRuntimeAndTheNextEnsureCreatesOneOnTheNewVersion(Stack stack) {
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        SettingsStore store = new SettingsStore(database.jdbi());
        store.save("openrouter", "model-v1", null, new Secret("sk-" + UUID.randomUUID()), "it");
        Worker worker = stack.startWorker(FAST_PAUSING);
        RuntimeClient client = stack.client();
        UserId user = pausedFamily(stack, client);
        String oldId = containerId(stack, user);

        GlobalSettings v2 = store.save("anthropic", "model-v2", null, new Secret("sk-" + UUID.randomUUID()), "it");
        try (EventPublisher publisher =
                EventPublisher.connect(stack.bootstrapServers(), "it-admin", stack.topics(), new EventCodec())) {
            publisher
                    .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), v2.version(), "it"))
                    .join();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> state(stack, user) == null);
        assertThat(stack.docker().inspectVolumeCmd(user.volumeName()).exec().getName())
                .isEqualTo(user.volumeName());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(auditOf(stack, user))
                        .containsSubsequence("RuntimePaused", "RuntimeStopped")
                        .doesNotContain("RuntimeRecreated"));
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().events()))
                .contains("\"reason\":\"SETTINGS_RECREATE\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().findPaused(user) == null);

        RuntimeHandle fresh = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(fresh.coldStart()).isTrue();
        assertThat(fresh.settingsVersion()).isEqualTo(v2.version());
        assertThat(containerId(stack, user)).isNotEqualTo(oldId);
    }

    @Test
    void forgettingAFamilyRemovesItsPausedRuntimeAndTheWorkerLetsGoOfIt(Stack stack) throws Exception {
        Worker worker = stack.startWorker(FAST_PAUSING);
        UserId user = pausedFamily(stack, stack.client());
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().findPaused(user) != null);

        try (FamilyForgetter forgetter = FamilyForgetter.connect(
                stack.docker(), KafkaAccess.of(stack.bootstrapServers()), stack.topics(), Clock.systemUTC(), "it")) {
            assertThat(forgetter.forget(user, false).containerRemoved()).isTrue();
        }

        assertThat(state(stack, user)).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().findPaused(user) == null);
    }

    @Test
    void aWorkerThatTakesThePartitionOverRestoresThePausedRuntimeAndAnEnsureThereResumesIt(Stack stack) {
        Worker first = stack.startWorker(FAST_PAUSING);
        RuntimeClient client = stack.client();
        UserId user = pausedFamily(stack, client);
        String id = containerId(stack, user);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.registry().findPaused(user) != null);

        Worker second = stack.startWorker(FAST_PAUSING);
        first.close();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> second.ownedPartitions().size() == Stack.PARTITIONS
                        && second.registry().findPaused(user) != null);
        assertThat(paused(stack, user))
                .as("still paused: the new owner only took note of it")
                .isTrue();

        RuntimeHandle resumed = client.ensureRuntime(user, Duration.ofSeconds(30));
        assertThat(resumed.coldStart()).isFalse();
        assertThat(containerId(stack, user)).isEqualTo(id);
        assertThat(Agent.healthy(resumed.url())).isTrue();
        assertThat(second.meters().registry().counter("hermes.resumes").count()).isEqualTo(1);
    }

    @Test
    void thePurgesDockerCommandRemovesAPausedContainer(Stack stack) throws Exception {
        String label = "hermes.test=pause-purge-" + Long.toHexString(System.nanoTime());
        String name = "hermes-pause-purge-" + Long.toHexString(System.nanoTime());
        stack.docker()
                .createContainerCmd(Stack.IMAGE)
                .withName(name)
                .withEntrypoint("/bin/sh", "-c", "sleep 600")
                .withLabels(Map.of(label.split("=")[0], label.split("=")[1]))
                .exec();
        stack.closeLater(() -> {
            try {
                stack.docker().removeContainerCmd(name).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                // removed by the test, as it should be
            }
        });
        stack.docker().startContainerCmd(name).exec();
        stack.docker().pauseContainerCmd(name).exec();
        assertThat(stack.docker().inspectContainerCmd(name).exec().getState().getPaused())
                .isTrue();

        // ops/local down --purge removes the fleet's containers with this function (docker ps -aq + docker rm -f)
        Path lib = Path.of("..", "ops", "lib", "docker.sh").toAbsolutePath().normalize();
        Process purge = new ProcessBuilder(List.of(
                        "bash",
                        "-c",
                        ". \"$1\" && docker_rm_labelled containers \"$2\"",
                        "purge",
                        lib.toString(),
                        label))
                .redirectErrorStream(true)
                .start();
        String output = new String(purge.getInputStream().readAllBytes());
        assertThat(purge.waitFor()).as(output).isZero();

        assertThat(output.trim()).isEqualTo("1");
        assertThat(stack.docker()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withNameFilter(List.of(name))
                        .exec())
                .isEmpty();
    }
}
