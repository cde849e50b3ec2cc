package dev.hermes.worker.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.Partitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ActivityTrackerTest {
    private static final UserId USER = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void restoredStateNeverMovesActivityBackwardsAndTombstonesForget() {
        ActivityTracker tracker = new ActivityTracker(null, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));

        tracker.restored(USER, 3, T0.minusSeconds(10));
        tracker.restored(USER, 3, T0.minusSeconds(100));

        assertThat(tracker.get(USER).lastActiveAt()).isEqualTo(T0.minusSeconds(10));
        assertThat(tracker.get(USER).partition()).isEqualTo(3);
        tracker.forget(USER);
        assertThat(tracker.get(USER)).isNull();
    }

    @Test
    void releasingAPartitionDropsOnlyItsFamilies() {
        ActivityTracker tracker = new ActivityTracker(null, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
        UserId other = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a12");
        tracker.restored(USER, 1, T0);
        tracker.restored(other, 2, T0);

        tracker.releasePartitions(Set.of(1));

        assertThat(tracker.get(USER)).isNull();
        assertThat(tracker.get(other)).isNotNull();
    }

    @Test
    void partitionsMatchKafkasDefaultPartitionerAndStayInRange() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Partitions.of(UserId.random(), 24)).isBetween(0, 23);
        }
        assertThat(Partitions.of(USER, 24)).isEqualTo(Partitions.of(UserId.of(USER.value()), 24));
    }

    @Test
    void aPlacedFamilysHostIsLookedUpOnlyForAWriteNotForEveryMergedHeartbeat() {
        FakeFleet fleet = new FakeFleet();
        AtomicInteger lookups = new AtomicInteger();
        ActivityTracker tracker = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofMinutes(1), user -> {
            lookups.incrementAndGet();
            return "a";
        });

        for (int i = 0; i < 100; i++) {
            tracker.touchNow(USER, 1, "chat");
        }
        fleet.clock.advance(Duration.ofMinutes(2));
        tracker.touchNow(USER, 1, "chat");

        assertThat(fleet.stateProducer.history()).hasSize(2);
        assertThat(lookups.get())
                .as("the first write and the one after the interval")
                .isEqualTo(2);
    }
}
