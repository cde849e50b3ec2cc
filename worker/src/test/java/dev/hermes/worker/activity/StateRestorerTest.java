package dev.hermes.worker.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StateRestorerTest {
    private static final String TOPIC = "t.last-active";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final EventCodec codec = new EventCodec();
    private final ActivityTracker activity =
            new ActivityTracker(null, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(1));
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void restoresEachFamilysLastActivityAndForgetsTombstonedOnesSkippingUnreadableRecords() {
        UserId kept = UserId.random();
        UserId forgotten = UserId.random();
        TopicPartition p2 = new TopicPartition(TOPIC, 2);
        consumer.updateBeginningOffsets(Map.of(p2, 0L));
        consumer.updateEndOffsets(Map.of(p2, 4L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, kept, lastActive(kept, T0.minusSeconds(60))));
            consumer.addRecord(record(1, forgotten, lastActive(forgotten, T0.minusSeconds(30))));
            consumer.addRecord(record(2, forgotten, null));
            consumer.addRecord(record(3, kept, "not json".getBytes(StandardCharsets.UTF_8)));
        });

        long read = new StateRestorer(() -> consumer, TOPIC, codec, activity).restore(List.of(2));

        assertThat(read).isEqualTo(4);
        assertThat(activity.get(kept)).isEqualTo(new ActivityTracker.Activity(T0.minusSeconds(60), 2));
        assertThat(activity.get(forgotten)).isNull();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void theHostARecordNamesIsKeptAndWrittenAgainUntilTheFamilyIsPlaced() {
        dev.hermes.worker.fakes.FakeFleet fleet = new dev.hermes.worker.fakes.FakeFleet();
        Map<UserId, String> placed = new java.util.HashMap<>();
        ActivityTracker tracker = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofMinutes(1), placed::get);
        UserId user = UserId.random();
        UserId old = UserId.random();
        Instant at = fleet.clock.instant().minusSeconds(600);
        TopicPartition p2 = new TopicPartition(TOPIC, 2);
        consumer.updateBeginningOffsets(Map.of(p2, 0L));
        consumer.updateEndOffsets(Map.of(p2, 2L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(
                    record(0, user, codec.encode(new LastActive(UUID.randomUUID(), at, user, at, "app", "b"))));
            consumer.addRecord(record(1, old, lastActive(old, at)));
        });

        new StateRestorer(() -> consumer, TOPIC, codec, tracker).restore(List.of(2));

        assertThat(tracker.lastHost(user)).isEqualTo("b");
        assertThat(tracker.lastHost(old)).as("a record from before the field").isNull();
        tracker.touchNow(user, 2, "chat");
        assertThat(written(fleet).host())
                .as("not placed yet: the restored host")
                .isEqualTo("b");
        placed.put(user, "a");
        fleet.clock.advance(Duration.ofMinutes(2));
        tracker.touchNow(user, 2, "chat");
        assertThat(written(fleet).host()).as("placed: where it is now").isEqualTo("a");
        assertThat(tracker.lastHost(user)).isEqualTo("a");
    }

    @Test
    void aNewFamilysHostIsWrittenOnceItIsPlacedWithinTheWriteInterval() {
        dev.hermes.worker.fakes.FakeFleet fleet = new dev.hermes.worker.fakes.FakeFleet();
        Map<UserId, String> placed = new java.util.HashMap<>();
        ActivityTracker tracker = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofMinutes(1), placed::get);
        UserId user = UserId.random();

        tracker.touchNow(user, 1, "chat"); // the request arrives: not placed yet
        placed.put(user, "b");
        tracker.touchNow(user, 1, "chat"); // answered: placed on b
        tracker.touchNow(user, 1, "chat");

        assertThat(fleet.stateProducer.history()).hasSize(2);
        assertThat(written(fleet).host()).isEqualTo("b");
    }

    private LastActive written(dev.hermes.worker.fakes.FakeFleet fleet) {
        var history = fleet.stateProducer.history();
        return codec.decode(history.get(history.size() - 1).value(), LastActive.class);
    }

    private byte[] lastActive(UserId user, Instant at) {
        return codec.encode(new LastActive(UUID.randomUUID(), at, user, at, "app"));
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, UserId user, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 2, offset, user.asciiBytes(), value);
    }
}
