package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.FamilyForgetter;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class IdleReaperIT {
    /** Today's behaviour, without tiered idle: an idle runtime is stopped at once (PausedRuntimeIT has the pauses). */
    private static final Map<String, String> FAST_REAPING = Map.of(
            "RUNTIME_IDLE_SEC", "2",
            "HERMES_REAP_INTERVAL_SEC", "0.5",
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.5",
            "RUNTIME_PAUSE", "false");

    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    private static boolean running(Stack stack, UserId user) {
        return Boolean.TRUE.equals(stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getState()
                .getRunning());
    }

    @Test
    void heartbeatsKeepARuntimeAcrossIdleTimeoutsAndItIsReapedSoonAfterTheyStop(Stack stack) throws Exception {
        Worker worker = stack.startWorker(FAST_REAPING);
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(Volumes.exec(
                        stack.docker(),
                        handle.containerName(),
                        "sh",
                        "-c",
                        "echo survives-reaping > /opt/data/memories/keep.txt"))
                .isZero();
        String startedAt = stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getState()
                .getStartedAt();

        Instant until = Instant.now().plusSeconds(7);
        while (Instant.now().isBefore(until)) {
            client.heartbeat(user, "it-device").get();
            await().pollDelay(Duration.ofMillis(400))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
            assertThat(running(stack, user))
                    .as("runtime kept warm by heartbeats")
                    .isTrue();
        }
        assertThat(stack.docker()
                        .inspectContainerCmd(user.containerName())
                        .exec()
                        .getState()
                        .getStartedAt())
                .isEqualTo(startedAt);

        long stoppedBeating = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> !running(stack, user));
        Duration reapedAfter = Duration.ofNanos(System.nanoTime() - stoppedBeating);
        assertThat(reapedAfter).isLessThan(Duration.ofMillis(2000 + 500 + 1500));
        assertThat(stack.docker().inspectVolumeCmd(user.volumeName()).exec().getName())
                .isEqualTo(user.volumeName());
        assertThat(worker.meters()
                        .registry()
                        .counter("hermes.reaps", "reason", "IDLE")
                        .count())
                .isGreaterThanOrEqualTo(1);

        RuntimeHandle again = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(again.coldStart()).isTrue();
        assertThat(Agent.get(again.url(), "/stub/file/memories/keep.txt", KEYS.keyFor(user))
                        .body())
                .isEqualTo("survives-reaping\n");
    }

    @Test
    void requestsRacingReapsAlwaysGetAUrlThatAnswersHealth(Stack stack) {
        stack.startWorker(Map.of(
                "RUNTIME_IDLE_SEC",
                "0.6",
                "HERMES_REAP_INTERVAL_SEC",
                "0.2",
                "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC",
                "0.2",
                "RUNTIME_PAUSE",
                "false"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        int restarts = 0;
        // pauses around idle timeout + reap interval (0.8 s): some requests find the runtime warm, some land
        // while it is being reaped, and the 1.5 s ones find it certainly reaped
        long[] pauses = {300, 1500, 600, 700, 800, 900, 1000, 1500, 0};
        for (int i = 0; i < pauses.length; i++) {
            RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(30));
            assertThat(Agent.healthy(handle.url()))
                    .as("URL answered at %s", Instant.now())
                    .isTrue();
            restarts += i > 0 && handle.coldStart() ? 1 : 0;
            await().pollDelay(Duration.ofMillis(pauses[i]))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> true);
        }
        assertThat(restarts)
                .as("the reaper stopped the runtime between requests at least once")
                .isPositive();
    }

    @Test
    void aRunningRuntimeWithNoActivityRecordIsReapedOnItsStartTime(Stack stack) {
        UserId user = stack.newUser();
        RuntimeClient client = stack.client();
        Worker first = stack.startWorker(Map.of("RUNTIME_IDLE_SEC", "3600"));
        client.ensureRuntime(user, Duration.ofSeconds(60));
        first.close();
        // forget the activity (as if the topic had been lost), then a worker with a short idle timeout takes over
        try (EventPublisher publisher =
                EventPublisher.connect(stack.bootstrapServers(), "it", stack.topics(), new EventCodec())) {
            publisher.tombstone(Partitions.of(user, Stack.PARTITIONS), user).join();
        }
        Worker second = stack.startWorker(
                Map.of("RUNTIME_IDLE_SEC", "2", "HERMES_REAP_INTERVAL_SEC", "0.5", "RUNTIME_PAUSE", "false"));

        await().atMost(Duration.ofSeconds(15)).until(() -> !running(stack, user));
        assertThat(second.activity().get(user)).isNull();
    }

    @Test
    void legacyOrphansAreRemovedAndUnrelatedContainersAreLeftAlone(Stack stack) {
        String orphan = "hermes-user-usr_it" + Long.toHexString(System.nanoTime());
        String unrelated = "hermes-unrelated-" + Long.toHexString(System.nanoTime());
        for (String name : new String[] {orphan, unrelated}) {
            stack.docker()
                    .createContainerCmd(Stack.IMAGE)
                    .withName(name)
                    .withEntrypoint("/bin/sh", "-c", "sleep 600")
                    .withLabels(Map.of("hermes.test", "orphan-it"))
                    .exec();
        }
        stack.closeLater(() ->
                stack.docker().removeContainerCmd(unrelated).withForce(true).exec());

        Worker worker = stack.startWorker(Map.of());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.docker()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withNameFilter(java.util.List.of(orphan))
                        .exec()
                        .isEmpty());
        assertThat(stack.docker().inspectContainerCmd(unrelated).exec().getName())
                .isEqualTo("/" + unrelated);
        assertThat(worker.meters().registry().counter("hermes.orphans.removed").count())
                .isGreaterThanOrEqualTo(1);
        worker.close();
    }

    @Test
    void aForgottenUserIsNotBroughtBackByARestore(Stack stack) throws Exception {
        Map<String, String> config = Map.of("HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.1");
        UserId user = stack.newUser();
        RuntimeClient client = stack.client();
        Worker first = stack.startWorker(config);
        client.ensureRuntime(user, Duration.ofSeconds(60));
        first.close();
        Worker witness = stack.startWorker(config);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> witness.ready() && witness.activity().get(user) != null);
        witness.close();

        try (FamilyForgetter forgetter = FamilyForgetter.connect(
                stack.docker(), KafkaAccess.of(stack.bootstrapServers()), stack.topics(), Clock.systemUTC(), "it")) {
            FamilyForgetter.Forgotten outcome = forgetter.forget(user, false);
            assertThat(outcome.containerRemoved()).isTrue();
            assertThat(outcome.dataDeleted()).isFalse();
        }
        Worker after = stack.startWorker(config);

        // ready alone can come before the group assigns anything (a worker with no partitions is ready)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> after.ready() && after.ownedPartitions().size() == Stack.PARTITIONS);
        assertThat(after.activity().get(user)).isNull();
        assertThat(stack.docker().inspectVolumeCmd(user.volumeName()).exec().getName())
                .isEqualTo(user.volumeName());
    }
}
