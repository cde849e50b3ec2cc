package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.spawn.CapacityExceededException;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.EnsureGates;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.HealthTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HERMES_MAX_RUNTIMES on fakes: the estimate, the reservations, the victim, the refusal and its hint. */
class EngineCapacityTest {
    private static final int PARTITIONS = 4;
    private static final Duration MIN_IDLE = Duration.ofMinutes(5);
    private final FakeFleet fleet = new FakeFleet();
    private final ActivityTracker activity = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofSeconds(60));
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(4, "test-lane");
    private final OwnedRuntimes owned = new OwnedRuntimes(
            fleet.docker,
            new FleetScope(FakeFleet.FLEET, () -> Set.of(0, 1, 2, 3), () -> PARTITIONS),
            lanes,
            fleet.meters);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() {
        callers.shutdownNow();
        lanes.close();
    }

    @Test
    void autoIsNinetyPercentOfTheEnginesMemoryOverTheRuntimeLimitAndAtLeastOne() {
        assertThat(EngineBound.auto(25_276_510_208L, 1024L << 20)).isEqualTo(21);
        assertThat(EngineBound.auto(10L << 30, 512L << 20)).isEqualTo(18);
        assertThat(EngineBound.auto(512L << 20, 1024L << 20)).isEqualTo(1);
        assertThat(EngineBound.of(0, () -> 4L << 30, 1024L << 20)).isEqualTo(3);
        assertThat(EngineBound.of(
                        7,
                        () -> {
                            throw new AssertionError("a configured bound asks nothing of Docker");
                        },
                        1024L << 20))
                .isEqualTo(7);
    }

    @Test
    void anAutoBoundDockerCannotAnswerAtStartIsAskedAgainAtTheFirstColdStart() {
        AtomicInteger asked = new AtomicInteger();
        EngineCapacity capacity = new EngineCapacity(
                () -> {
                    if (asked.incrementAndGet() == 1) {
                        throw new DockerCallFailedException("connection refused", null);
                    }
                    return 1;
                },
                fleet.docker::countRunningManagedOfAnyFleet,
                evictor(),
                fleet.meters);
        assertThat(capacity.knownBound()).isZero();
        Ensurer ensurer = ensurer(capacity);

        cold(ensurer, UserId.random());

        assertThat(capacity.knownBound()).isEqualTo(1);
        assertThatThrownBy(() -> ensurer.ensure(UserId.random(), null))
                .cause()
                .isInstanceOf(CapacityExceededException.class);
        assertThat(asked).hasValue(2);
    }

    @Test
    void belowTheBoundOnlyTheFirstColdStartListsTheEngine() {
        Ensurer ensurer = ensurer(capacity(3));

        cold(ensurer, UserId.random());
        cold(ensurer, UserId.random());
        cold(ensurer, UserId.random());

        assertThat(fleet.docker.calls()).filteredOn("count managed"::equals).hasSize(1);
        assertThat(runningCount()).isEqualTo(3);
    }

    @Test
    void whatRunsAlreadyOnTheEngineCountsFromTheFirstColdStart() {
        Ensurer ensurer = ensurer(capacity(2));
        java.util.Map<String, String> anotherFleet = new java.util.HashMap<>(fleet.labelsFor(UserId.random()));
        anotherFleet.put("hermes.fleet", "fleet-b");
        fleet.docker.existing("hermes-user-of-another-fleet", anotherFleet, 8642, true);
        cold(ensurer, UserId.random());

        assertThatThrownBy(() -> ensurer.ensure(UserId.random(), null))
                .cause()
                .isInstanceOf(CapacityExceededException.class);
    }

    @Test
    void atTheBoundWithNothingIdleEnoughTheColdStartIsRefusedWithAHintAndNothingChanges() {
        Ensurer ensurer = ensurer(capacity(2));
        UserId first = cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(100));
        cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(150));
        UserId refused = UserId.random();

        assertThatThrownBy(() -> ensurer.ensure(refused, null))
                .isInstanceOf(EnsureFailedException.class)
                .cause()
                .isInstanceOfSatisfying(
                        CapacityExceededException.class,
                        e -> assertThat(e.retryAfter())
                                .as("the first runtime becomes evictable 300 s after its start, 250 s ago")
                                .isEqualTo(Duration.ofSeconds(50)))
                .hasMessageContaining("HERMES_MAX_RUNTIMES=2");
        assertThat(fleet.docker.container(refused.containerName())).isEmpty();
        assertThat(fleet.docker.calls()).noneMatch(c -> c.startsWith("stop ") || c.startsWith("remove "));
        assertThat(fleet.audited(RuntimeStopped.class)).isEmpty();
        assertThat(isRunning(first)).isTrue();
    }

    @Test
    void theLeastRecentlyActiveRuntimeIdleEnoughIsEvictedAndTheColdStartProceeds() {
        Ensurer ensurer = ensurer(capacity(3));
        UserId idlest = cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(10));
        UserId second = cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(10));
        UserId third = cold(ensurer, UserId.random());
        // the idlest by activity, not by start: the first family came back after the second one's start
        touch(idlest);
        fleet.clock.advance(Duration.ofSeconds(400));

        UserId fourth = cold(ensurer, UserId.random());

        assertThat(isRunning(second))
                .as("the least recently active one was evicted")
                .isFalse();
        assertThat(fleet.docker.container(second.containerName()))
                .as("stopped, not removed")
                .isPresent();
        assertThat(List.of(idlest, third, fourth)).allMatch(this::isRunning);
        assertThat(fleet.registry.find(second)).isNull();
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.userId()).isEqualTo(second);
        assertThat(stopped.reason()).isEqualTo(StopReason.EVICTED);
        assertThat(stopped.removed()).isFalse();
        assertThat(stopped.dataDeleted()).isFalse();
        assertThat(runningCount()).isEqualTo(3);
    }

    @Test
    void aVictimWhoseLaneIsBusyIsSkippedForTheNextIdlest() throws Exception {
        Ensurer ensurer = ensurer(capacity(2));
        UserId idlest = cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(10));
        UserId next = cold(ensurer, UserId.random());
        fleet.clock.advance(Duration.ofSeconds(400));
        CountDownLatch release = occupyLane(idlest);
        try {
            cold(ensurer, UserId.random());
        } finally {
            release.countDown();
        }

        assertThat(isRunning(idlest)).isTrue();
        assertThat(isRunning(next)).isFalse();
    }

    @Test
    void aFamilyWhoseContainerRunsAlreadyIsAdoptedAtTheBoundWithoutEvictingAnything() {
        Ensurer ensurer = ensurer(capacity(1));
        UserId adopted = UserId.random();
        fleet.existingAtVersion(adopted, fleet.settings.current().version(), true);
        fleet.clock.advance(Duration.ofSeconds(400));

        assertThat(ensurer.ensure(adopted, null).runtime().userId()).isEqualTo(adopted);
        assertThat(fleet.audited(RuntimeStopped.class)).isEmpty();
    }

    @Test
    void aWarmAnswerIsNeverAffectedByTheBound() {
        Ensurer ensurer = ensurer(capacity(1));
        UserId user = cold(ensurer, UserId.random());
        int callsBefore = fleet.docker.calls().size();

        assertThat(ensurer.ensure(user, null).cold()).isFalse();
        assertThat(fleet.docker.calls()).hasSize(callsBefore);
    }

    @Test
    void aRuntimeStoppedElsewhereIsSeenAtTheNextListingWithoutEvicting() {
        Ensurer ensurer = ensurer(capacity(2));
        UserId stoppedElsewhere = cold(ensurer, UserId.random());
        cold(ensurer, UserId.random());
        fleet.docker.stop(stoppedElsewhere.containerName(), 1);

        UserId third = cold(ensurer, UserId.random());

        assertThat(isRunning(third)).isTrue();
        assertThat(fleet.audited(RuntimeStopped.class)).isEmpty();
        assertThat(fleet.docker.calls()).contains("count managed");
    }

    @Test
    void aFailedColdStartGivesItsSlotBack() {
        EngineCapacity capacity = capacity(1);
        Ensurer ensurer = ensurer(capacity);
        fleet.health = (name, url, running) -> {
            throw new HealthTimeoutException(name, Duration.ofSeconds(1), "503");
        };
        assertThatThrownBy(() -> ensurer.ensure(UserId.random(), null)).isInstanceOf(EnsureFailedException.class);
        assertThat(capacity.estimate()).isZero();

        fleet.health = (name, url, running) -> false;
        assertThat(isRunning(cold(ensurer, UserId.random()))).isTrue();
    }

    @Test
    void aBurstOfColdStartsAtTheBoundNeverOvershoots() throws Exception {
        Ensurer ensurer = ensurer(capacity(3));
        CountDownLatch healthy = new CountDownLatch(1);
        fleet.health = (name, url, running) -> {
            try {
                healthy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        List<CompletableFuture<Boolean>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UserId user = UserId.random();
            burst.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            ensurer.ensure(user, null);
                            return true;
                        } catch (EnsureFailedException e) {
                            assertThat(e.getCause()).isInstanceOf(CapacityExceededException.class);
                            return false;
                        }
                    },
                    callers));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> burst.stream().filter(CompletableFuture::isDone).count() == 5);
        assertThat(runningCount()).isEqualTo(3);
        healthy.countDown();

        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(burst.stream().filter(CompletableFuture::join).count()).isEqualTo(3);
        assertThat(runningCount()).isEqualTo(3);
    }

    private EngineCapacity capacity(int bound) {
        return new EngineCapacity(bound, fleet.docker::countRunningManagedOfAnyFleet, evictor(), fleet.meters);
    }

    private Evictor evictor() {
        return new Evictor(
                owned,
                activity,
                fleet.registry,
                fleet.spawner,
                fleet.audit,
                fleet.meters,
                fleet.clock,
                MIN_IDLE,
                false,
                null); // no freezer: nothing is ever paused
    }

    private Ensurer ensurer(EngineCapacity capacity) {
        return new Ensurer(
                fleet.spawner,
                (name, url, running) -> fleet.health.awaitHealthy(name, url, running),
                fleet.specs,
                fleet.settings,
                fleet.registry,
                fleet.meters,
                fleet.clock,
                EnsureGates.open().withCapacity(capacity));
    }

    /** A cold start answered, with its family active now, as a request makes it. */
    private UserId cold(Ensurer ensurer, UserId user) {
        assertThat(ensurer.ensure(user, null).cold()).isTrue();
        touch(user);
        return user;
    }

    private void touch(UserId user) {
        activity.touch(user, Partitions.of(user, PARTITIONS), fleet.clock.instant(), "app");
    }

    private boolean isRunning(UserId user) {
        return fleet.docker.container(user.containerName()).map(c -> c.running).orElse(false);
    }

    private long runningCount() {
        return fleet.docker.countRunningManagedOfAnyFleet();
    }

    private CountDownLatch occupyLane(UserId user) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        lanes.submit(user, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await(5, TimeUnit.SECONDS);
        return release;
    }
}
