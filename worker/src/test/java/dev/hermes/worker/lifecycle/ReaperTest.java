package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaperTest {
    private static final int PARTITIONS = 4;
    private static final Duration IDLE = Duration.ofMinutes(10);
    private final FakeFleet fleet = new FakeFleet();
    private final ActivityTracker activity = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofSeconds(60));
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(4, "test-lane");
    private volatile Set<Integer> owned = Set.of(0, 1, 2, 3);
    private final OwnedRuntimes runtimes = new OwnedRuntimes(
            fleet.docker, new FleetScope(FakeFleet.FLEET, () -> owned, () -> PARTITIONS), lanes, fleet.meters);

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    @Test
    void anIdleRuntimeIsReapedThroughItsLane() throws Exception {
        UserId user = running(UserId.random());
        fleet.clock.advance(IDLE.plusMinutes(1));
        CountDownLatch laneBusy = occupyLane(user);

        assertThat(reaper(1).reapIdle()).isEqualTo(1);
        // the reap waits behind the family's lane: the runtime keeps running for as long as the lane is busy
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> isRunning(user));
        laneBusy.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> !isRunning(user));
        assertThat(fleet.registry.find(user)).isNull();
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.userId()).isEqualTo(user);
        assertThat(stopped.reason()).isEqualTo(StopReason.IDLE);
        assertThat(stopped.removed()).isFalse();
        assertThat(stopped.workerId()).isEqualTo(FakeFleet.WORKER);
    }

    @Test
    void aRecentlyActiveRuntimeIsNotReaped() throws Exception {
        UserId user = running(UserId.random());
        fleet.clock.advance(IDLE.plusMinutes(1));
        activity.touch(
                user, Partitions.of(user, PARTITIONS), fleet.clock.instant().minusSeconds(30), "app");

        assertThat(reaper(1).reapIdle()).isZero();
        assertThat(isRunning(user)).isTrue();
    }

    @Test
    void aRuntimeOnAPartitionThisWorkerDoesNotOwnIsLeftAlone() throws Exception {
        UserId user = running(UserId.random());
        int partition = Partitions.of(user, PARTITIONS);
        owned = Set.of((partition + 1) % PARTITIONS);
        fleet.clock.advance(IDLE.plusMinutes(1));

        assertThat(reaper(1).reapIdle()).isZero();
        assertThat(isRunning(user)).isTrue();
    }

    @Test
    void atMostMaxConcurrentReapsRunAtOnce() throws Exception {
        List<UserId> users = List.of(running(UserId.random()), running(UserId.random()), running(UserId.random()));
        fleet.clock.advance(IDLE.plusMinutes(1));
        List<CountDownLatch> lanesBusy = users.stream().map(this::occupyLane).toList();
        Reaper reaper = reaper(1);

        CompletableFuture<Integer> cycle = CompletableFuture.supplyAsync(() -> {
            try {
                return reaper.reapIdle();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // with one permit, the second reap waits for the first, whose lane is busy
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !cycle.isDone());
        lanesBusy.forEach(CountDownLatch::countDown);

        assertThat(cycle.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> users.stream().noneMatch(this::isRunning));
        assertThat(fleet.audited(RuntimeStopped.class)).hasSize(3);
    }

    private Reaper reaper(int maxConcurrentReaps) {
        return new Reaper(
                runtimes,
                fleet.spawner,
                activity,
                fleet.registry,
                fleet.audit,
                fleet.meters,
                fleet.clock,
                new ReapPolicy(IDLE, false, maxConcurrentReaps),
                null); // no freezer: never pauses
    }

    private UserId running(UserId user) {
        fleet.ensurer.ensure(user, null);
        return user;
    }

    private boolean isRunning(UserId user) {
        return fleet.docker.container(user.containerName()).map(c -> c.running).orElse(false);
    }

    private CountDownLatch occupyLane(UserId user) {
        CountDownLatch release = new CountDownLatch(1);
        lanes.submit(user, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }
}
