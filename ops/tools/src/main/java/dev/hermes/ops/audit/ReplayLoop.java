package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.HermesException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** One replay over a fixed {@link ReplayPlan}; keeps the counters. Used once, by {@link AuditReader}. */
final class ReplayLoop {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL = Duration.ofSeconds(60);
    private final Consumer<byte[], byte[]> consumer;
    private final ReplayPlan plan;
    private final ReplayScope scope;
    private final ParallelDecoder decoder;
    private final Clock clock;
    private final byte[] userKey;
    private final Set<TopicPartition> open = new HashSet<>();
    private final List<UndecodableRecord> samples = new ArrayList<>();
    private long read;
    private long inScope;
    private long undecodable;

    ReplayLoop(
            Consumer<byte[], byte[]> consumer,
            ReplayPlan plan,
            ReplayScope scope,
            ParallelDecoder decoder,
            Clock clock) {
        this.consumer = consumer;
        this.plan = plan;
        this.scope = scope;
        this.decoder = decoder;
        this.clock = clock;
        this.userKey = scope.user() == null ? null : scope.user().value().getBytes(StandardCharsets.UTF_8);
    }

    ReplayStats run(EventSink sink, ReplayProgress progress) {
        consumer.assign(plan.partitions());
        for (TopicPartition tp : plan.partitions()) {
            consumer.seek(tp, plan.start().get(tp));
            if (plan.start().get(tp) < plan.end().get(tp)) {
                open.add(tp);
            } else {
                consumer.pause(List.of(tp));
            }
        }
        long total = plan.total();
        Long stopMs = scope.stopTimestampMs();
        long lastRecordAt = clock.millis();
        while (!open.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            List<ConsumerRecord<byte[], byte[]>> wanted = new ArrayList<>(records.count());
            for (TopicPartition tp : records.partitions()) {
                long end = plan.end().get(tp);
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() >= end || !open.contains(tp)) {
                        break;
                    }
                    read++;
                    if (stopMs != null && record.timestamp() > stopMs) {
                        close(tp);
                        break;
                    }
                    if (userKey == null || Arrays.equals(userKey, record.key())) {
                        wanted.add(record);
                    }
                }
            }
            handle(wanted, decoder.decode(wanted), sink);
            for (TopicPartition tp : List.copyOf(open)) {
                if (consumer.position(tp) >= plan.end().get(tp)) {
                    close(tp);
                }
            }
            progress.update(read, total);
            if (!records.isEmpty()) {
                lastRecordAt = clock.millis();
            } else if (clock.millis() - lastRecordAt > STALL.toMillis()) {
                throw new HermesException("replay stalled: no records for " + STALL.toSeconds() + " s with "
                        + open.size() + " partition(s) unfinished, read " + read + " of " + total);
            }
        }
        progress.finished(read, total);
        return new ReplayStats(read, inScope, undecodable, samples);
    }

    private void handle(List<ConsumerRecord<byte[], byte[]>> records, ParallelDecoder.Decoded decoded, EventSink sink) {
        for (int i = 0; i < records.size(); i++) {
            Event event = decoded.events()[i];
            if (event == null) {
                undecodable++;
                ConsumerRecord<byte[], byte[]> record = records.get(i);
                if (samples.size() < ReplayStats.MAX_SAMPLES) {
                    samples.add(new UndecodableRecord(
                            record.topic() + "-" + record.partition() + "@" + record.offset(), decoded.errors()[i]));
                }
            } else if ((scope.user() == null || scope.user().equals(event.userId()))
                    && scope.covers(event.occurredAt())) {
                inScope++;
                sink.accept(event);
            }
        }
    }

    private void close(TopicPartition tp) {
        open.remove(tp);
        consumer.pause(List.of(tp));
    }
}
