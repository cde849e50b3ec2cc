package dev.hermes.worker.fuzz.kit;

/** A record as the broker took it: where it landed (the DLQ's {@code hermes.dlq.source} names it so). */
public record FuzzSent(FuzzRecord record, String topic, int partition, long offset) {

    /** As the worker writes {@code hermes.dlq.source}: {@code topic-partition@offset}. */
    public String source() {
        return topic + "-" + partition + "@" + offset;
    }
}
