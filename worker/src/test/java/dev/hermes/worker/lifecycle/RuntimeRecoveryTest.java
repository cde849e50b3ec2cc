package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.runtime.Runtime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeRecoveryTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private final FakeFleet fleet = new FakeFleet();
    private final ActivityTracker activity = new ActivityTracker(null, fleet.clock, Duration.ofMinutes(1));
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(2, "test-lane");
    private final RuntimeRecovery recovery =
            new RuntimeRecovery(lanes, fleet.ensurer, activity, fleet.audit, fleet.meters, fleet.clock, IDLE);

    @AfterEach
    void close() {
        lanes.close();
    }

    private Runtime warmAndDead(UserId user) {
        Runtime runtime = fleet.ensurer.ensure(user, null).runtime();
        fleet.docker.container(user.containerName()).orElseThrow().running = false;
        fleet.registry.containerGone(user, runtime.containerId());
        return runtime;
    }

    @Test
    void aDeadRuntimeOfAFamilyActiveWithinTheIdleWindowIsAuditedWithItsExitCodeAndRestarted() {
        UserId user = UserId.random();
        Runtime dead = warmAndDead(user);
        activity.restored(user, 0, fleet.clock.instant().minus(IDLE).plusSeconds(60));

        recovery.died(dead, StopReason.OOM_KILLED, 137L, false);

        await().atMost(Duration.ofSeconds(5)).until(() -> fleet.registry.find(user) != null);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .isTrue();
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.reason()).isEqualTo(StopReason.OOM_KILLED);
        assertThat(stopped.exitCode()).isEqualTo(137L);
        assertThat(stopped.removed()).isFalse();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !fleet.audited(RuntimeStarted.class).isEmpty());
    }

    @Test
    void aDeadRuntimeOfAFamilyIdleLongerThanTheWindowStaysStopped() {
        UserId user = UserId.random();
        Runtime dead = warmAndDead(user);
        activity.restored(user, 0, fleet.clock.instant().minus(IDLE).minusSeconds(1));
        UserId unknown = UserId.random();
        Runtime deadUnknown = warmAndDead(unknown);

        recovery.died(dead, StopReason.DIED, 1L, false);
        recovery.died(deadUnknown, StopReason.DIED, null, false);
        drain(user);
        drain(unknown);

        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .isFalse();
        assertThat(fleet.registry.find(user)).isNull();
        assertThat(fleet.registry.find(unknown)).isNull();
        assertThat(fleet.audited(RuntimeStopped.class))
                .extracting(RuntimeStopped::reason, RuntimeStopped::exitCode)
                .as("two families on two lanes: audited in either order")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(StopReason.DIED, 1L),
                        org.assertj.core.groups.Tuple.tuple(StopReason.DIED, null));
    }

    @Test
    void aRuntimeStoppedOnPurposeIsAuditedButNotBroughtBackEvenIfActive() {
        UserId user = UserId.random();
        Runtime dead = warmAndDead(user);
        activity.restored(user, 0, fleet.clock.instant());

        recovery.died(dead, StopReason.DIED, 143L, true);
        drain(user);

        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .isFalse();
        assertThat(fleet.audited(RuntimeStopped.class))
                .singleElement()
                .satisfies(s -> assertThat(s.exitCode()).isEqualTo(143L));
    }

    @Test
    void aRuntimeRemovedOnPurposeIsAuditedButNotBroughtBackEvenIfActive() {
        UserId user = UserId.random();
        Runtime dead = warmAndDead(user);
        activity.restored(user, 0, fleet.clock.instant());
        fleet.docker.remove(dead.containerId()); // docker rm -f, ops/hermes forget

        recovery.died(dead, StopReason.DIED, 137L, false);
        drain(user);

        assertThat(fleet.docker.container(user.containerName()))
                .as("no container made again")
                .isEmpty();
        assertThat(fleet.registry.find(user)).isNull();
        assertThat(fleet.audited(RuntimeStopped.class))
                .singleElement()
                .satisfies(s -> assertThat(s.exitCode()).isEqualTo(137L));
        assertThat(fleet.audited(RuntimeStarted.class)).isEmpty();
    }

    @Test
    void theCallerOnlyQueuesTheDeathItsAuditIsPublishedOnTheFamilysLane() throws Exception {
        UserId user = UserId.random();
        Runtime dead = warmAndDead(user);
        java.util.concurrent.CountDownLatch laneBusy = new java.util.concurrent.CountDownLatch(1);
        lanes.submit(user, () -> {
            try {
                laneBusy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        // the Docker event thread's call: returns at once even though the audit cannot be published yet
        recovery.died(dead, StopReason.DIED, 137L, true);
        assertThat(fleet.audited(RuntimeStopped.class))
                .as("not published by the caller")
                .isEmpty();

        laneBusy.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !fleet.audited(RuntimeStopped.class).isEmpty());
        assertThat(fleet.audited(RuntimeStopped.class))
                .singleElement()
                .satisfies(s -> assertThat(s.exitCode()).isEqualTo(137L));
    }

    @Test
    void aHungRuntimeIsRemovedOnItsLaneAuditedUnhealthyAndAnActiveFamilyGetsAFreshContainer() {
        UserId user = UserId.random();
        Runtime hung = fleet.ensurer.ensure(user, null).runtime();
        activity.restored(user, 0, fleet.clock.instant());
        assertThat(fleet.registry.markUnhealthy(hung)).isTrue();
        assertThat(fleet.ensurer.warm(user)).as("never answered warm again").isNull();

        recovery.unhealthy(hung);

        await().atMost(Duration.ofSeconds(5)).until(() -> fleet.registry.find(user) != null);
        assertThat(fleet.docker.calls()).contains("remove " + hung.containerId());
        Runtime fresh = fleet.registry.find(user);
        assertThat(fresh.containerId()).isNotEqualTo(hung.containerId());
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.reason()).isEqualTo(StopReason.UNHEALTHY);
        assertThat(stopped.removed()).isTrue();
        assertThat(stopped.dataDeleted()).isFalse();
    }

    @Test
    void anEnsureOnTheLaneFirstRemovesTheHungContainerItselfAndTheQueuedRemovalThenDoesNothing() {
        UserId user = UserId.random();
        Runtime hung = fleet.ensurer.ensure(user, null).runtime();
        fleet.registry.markUnhealthy(hung);

        var outcome = fleet.ensurer.ensure(user, null);
        recovery.unhealthy(hung);
        drain(user);

        assertThat(outcome.runtime().containerId()).isNotEqualTo(hung.containerId());
        assertThat(outcome.facts()).anySatisfy(f -> assertThat(f.toString()).contains("UNHEALTHY"));
        assertThat(fleet.docker.calls().stream().filter(c -> c.startsWith("remove ")))
                .containsExactly("remove " + hung.containerId());
        assertThat(fleet.registry.find(user)).isEqualTo(outcome.runtime());
    }

    private void drain(UserId user) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        lanes.submit(user, done::countDown);
        await().atMost(Duration.ofSeconds(5)).until(() -> done.getCount() == 0);
    }
}
