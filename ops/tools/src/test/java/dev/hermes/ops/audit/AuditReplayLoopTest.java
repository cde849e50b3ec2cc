package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay loop against Kafka's MockConsumer: offsets fixed at the start, filters, counters, progress. */
class AuditReplayLoopTest {
    private static final String TOPIC = "t.runtime.events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private final EventCodec codec = new EventCodec();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final ParallelDecoder decoder = new ParallelDecoder(() -> codec::decode, 2);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final List<long[]> progress = new ArrayList<>();

    @AfterEach
    void close() {
        decoder.close();
    }

    @Test
    void readsUpToTheEndOffsetsFixedAtTheStartAndCountsWhatItCouldNotDecode() {
        List<Event> a = AuditHistory.userA();
        List<Event> b = AuditHistory.userB();
        consumer.schedulePollTask(() -> {
            add(P0, 0, a.get(0));
            add(P0, 1, "this is not json".getBytes(StandardCharsets.UTF_8), null, 0);
            add(P0, 2, a.get(1));
            add(P0, 3, a.get(2)); // written after the replay started: beyond the end offset
            add(P1, 0, b.get(0));
            add(P1, 1, b.get(1));
        });
        List<Event> seen = new ArrayList<>();

        ReplayStats stats =
                loop(ReplayScope.fleet(null, null), Map.of(P0, 3L, P1, 2L)).run(seen::add, this::progress);

        assertThat(seen).containsExactlyInAnyOrder(a.get(0), a.get(1), b.get(0), b.get(1));
        assertThat(stats)
                .isEqualTo(new ReplayStats(
                        5,
                        4,
                        1,
                        List.of(new UndecodableRecord(
                                TOPIC + "-0@1",
                                "value is not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or "
                                        + "token 'null', 'true' or 'false')"))));
        assertThat(progress).isNotEmpty().last().isEqualTo(new long[] {5, 5});
    }

    @Test
    void keepsOnlyTheUsersRecordsAndTheWindowAndStopsAPartitionPastUntil() {
        List<Event> a = AuditHistory.userA();
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < a.size(); i++) {
                add(P0, i, a.get(i));
            }
            add(P0, a.size(), AuditHistory.userB().get(0));
        });
        List<Event> seen = new ArrayList<>();
        ReplayScope scope = ReplayScope.user(
                AuditHistory.A, Instant.parse("2026-11-20T10:05:00Z"), Instant.parse("2026-11-20T10:20:00.150Z"));

        ReplayStats stats = loop(scope, Map.of(P0, (long) a.size() + 1, P1, 0L)).run(seen::add, this::progress);

        // 10:05 .. 10:20:00.150 exclusive: two warm answers and the recreate's stop; the first record stamped
        // after until + 5 min (the idle stop at 10:50, the 10th) ends the partition: nothing after it is read
        assertThat(seen).containsExactly(a.get(3), a.get(4), a.get(5));
        assertThat(stats.recordsRead()).isEqualTo(10);
        assertThat(stats.eventsInScope()).isEqualTo(3);
    }

    private ReplayLoop loop(ReplayScope scope, Map<TopicPartition, Long> end) {
        return new ReplayLoop(consumer, new ReplayPlan(Map.of(P0, 0L, P1, 0L), end), scope, decoder, clock);
    }

    private void add(TopicPartition tp, long offset, Event event) {
        add(
                tp,
                offset,
                codec.encode(event),
                event.userId() == null ? null : event.userId().value().getBytes(StandardCharsets.UTF_8),
                event.occurredAt().toEpochMilli());
    }

    private void add(TopicPartition tp, long offset, byte[] value, byte[] key, long timestamp) {
        consumer.addRecord(new ConsumerRecord<>(
                tp.topic(),
                tp.partition(),
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                value,
                new RecordHeaders(),
                Optional.empty()));
    }

    private void progress(long read, long total) {
        progress.add(new long[] {read, total});
        clock.advance(Duration.ofMillis(10));
    }
}
