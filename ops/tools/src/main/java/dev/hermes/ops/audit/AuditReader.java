package dev.hermes.ops.audit;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Replays the lifecycle events topic from the side: assign() + seek over the offsets fixed at the start
 * (see {@link ReplayPlan}), never a consumer group, never a commit. Decodes each record in scope (on all
 * cores) and hands the events to a sink; undecodable records are counted, never fatal.
 */
public final class AuditReader {
    private final ReplayConsumers consumers;
    private final Supplier<EventDecoder> decoders;
    private final Clock clock;

    /** {@code decoders} makes a decoder for each decoding thread. */
    public AuditReader(ReplayConsumers consumers, Supplier<EventDecoder> decoders, Clock clock) {
        this.consumers = consumers;
        this.decoders = decoders;
        this.clock = clock;
    }

    public ReplayStats replay(String topic, ReplayScope scope, EventSink sink, ReplayProgress progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumers.open("hermes-audit");
                ParallelDecoder decoding =
                        new ParallelDecoder(decoders, Runtime.getRuntime().availableProcessors())) {
            ReplayPlan plan = ReplayPlan.prepare(consumer, topic, scope);
            return new ReplayLoop(consumer, plan, scope, decoding, clock).run(sink, progress);
        }
    }
}
