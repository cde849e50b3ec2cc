package dev.hermes.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The request partitions this worker owns, part of {@link Meters}' catalogue ({@link Meters#partitions()}):
 * hermes_partition_queue_depth, hermes_consumer_lag, hermes_partitions_paused, hermes_partitions_halted,
 * hermes_records_moved_total and hermes_record_write_retries_total.
 */
public final class PartitionMeters {
    private final MeterRegistry registry;
    private final AtomicInteger paused = new AtomicInteger();
    private final AtomicInteger halted = new AtomicInteger();
    private final Counter recordsMoved;
    private final Counter writeRetries;
    private final Map<Integer, Meter.Id> queueGauges = new ConcurrentHashMap<>();

    PartitionMeters(MeterRegistry registry) {
        this.registry = registry;
        this.recordsMoved = Counter.builder("hermes.records.moved")
                .description("request records found off their key's partition and moved to it")
                .register(registry);
        this.writeRetries = Counter.builder("hermes.record.write.retries")
                .description("DLQ or move writes retried before their record may be committed")
                .register(registry);
        Gauge.builder("hermes.partitions.halted", halted, AtomicInteger::get)
                .description("request partitions stopped because a record's DLQ or move write keeps failing")
                .register(registry);
        Gauge.builder("hermes.partitions.paused", paused, AtomicInteger::get)
                .description("request partitions paused for backpressure or state restore")
                .register(registry);
    }

    public AtomicInteger paused() {
        return paused;
    }

    public AtomicInteger halted() {
        return halted;
    }

    public void recordMoved() {
        recordsMoved.increment();
    }

    public void recordWriteRetried() {
        writeRetries.increment();
    }

    /** Per-partition gauges, registered while the partition is owned. */
    public void owned(int partition, Supplier<Number> queueDepth, Supplier<Number> lag) {
        Tags tags = tags(partition);
        queueGauges.put(
                partition,
                Gauge.builder("hermes.partition.queue.depth", queueDepth)
                        .tags(tags)
                        .description("records received and not yet finished")
                        .register(registry)
                        .getId());
        Gauge.builder("hermes.consumer.lag", lag)
                .tags(tags)
                .description("records behind the partition's end")
                .register(registry);
    }

    public void released(int partition) {
        Meter.Id id = queueGauges.remove(partition);
        if (id != null) {
            registry.remove(id);
            registry.remove(new Meter.Id("hermes.consumer.lag", tags(partition), null, null, Meter.Type.GAUGE));
        }
    }

    private static Tags tags(int partition) {
        return Tags.of("partition", Integer.toString(partition));
    }
}
