package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a poll's worth of records on every core (decoding is most of a replay's CPU; the consumer's
 * next fetch is already in flight meanwhile). Results keep the records' order.
 */
final class ParallelDecoder implements AutoCloseable {
    private static final int MIN_SLICE = 1024;
    private final EventDecoder[] decoders;
    private final int parallelism;
    private final ExecutorService helpers;

    /** One slot per record: the event, or null and the reason it could not be decoded. */
    record Decoded(Event[] events, String[] errors) {}

    /** {@code decoders} makes one decoder per slice, so a decoder is only ever used by one thread at a time. */
    ParallelDecoder(Supplier<EventDecoder> decoders, int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.decoders = new EventDecoder[this.parallelism];
        for (int i = 0; i < this.parallelism; i++) {
            this.decoders[i] = decoders.get();
        }
        AtomicInteger n = new AtomicInteger();
        this.helpers = this.parallelism == 1
                ? null
                : Executors.newFixedThreadPool(this.parallelism - 1, r -> {
                    Thread t = new Thread(r, "hermes-audit-decoder-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    Decoded decode(List<ConsumerRecord<byte[], byte[]>> records) {
        int size = records.size();
        Decoded out = new Decoded(new Event[size], new String[size]);
        int slices = Math.min(parallelism, Math.max(1, size / MIN_SLICE));
        int per = (size + slices - 1) / slices;
        List<Future<?>> running = new ArrayList<>();
        for (int s = 1; s < slices; s++) {
            int from = s * per;
            int to = Math.min(size, from + per);
            EventDecoder decoder = decoders[s];
            running.add(helpers.submit(() -> decodeRange(decoder, records, from, to, out)));
        }
        decodeRange(decoders[0], records, 0, Math.min(size, per), out);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("decoding failed", e.getCause());
            }
        }
        return out;
    }

    private static void decodeRange(
            EventDecoder decoder, List<ConsumerRecord<byte[], byte[]>> records, int from, int to, Decoded out) {
        for (int i = from; i < to; i++) {
            try {
                out.events()[i] = decoder.decode(records.get(i).value());
            } catch (RuntimeException e) {
                out.errors()[i] = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
