package dev.hermes.worker.consumer;

import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a record needs before its offset may be committed, when it is not handled: its DLQ copy, or its
 * move to the partition that owns its key. A record is finished only when its write is acknowledged; a failed
 * write is retried with a growing pause, and after {@link #HALT_AFTER} failures its partition is halted, with the
 * reason, until the write succeeds. A record is never dropped silently.
 *
 * <p>Every send happens on the poll thread ({@link #retryDue}), never in a producer callback: a send from the
 * producer's own network thread that has to wait for metadata would wait for the thread that is waiting.
 */
final class RecordWrites {
    static final int HALT_AFTER = 3;
    private static final Logger log = LoggerFactory.getLogger(RecordWrites.class);
    private final Meters meters;
    private final Duration firstPause;
    private final Duration longestPause;
    private final ToLongFunction<Void> nanos;
    private final Queue<Failed> failed /* queued: new (0 attempts) or failed */ = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, String> halted = new ConcurrentHashMap<>();
    private final java.util.Set<Write> failing = ConcurrentHashMap.newKeySet();

    private record Failed(Write write, int attempts, long retryAtNanos) {}

    private record Write(
            TopicPartition tp,
            long offset,
            PartitionProgress progress,
            String what,
            Supplier<CompletableFuture<Void>> send) {}

    RecordWrites(Meters meters, Duration firstPause, Duration longestPause) {
        this(meters, firstPause, longestPause, v -> System.nanoTime());
    }

    RecordWrites(Meters meters, Duration firstPause, Duration longestPause, ToLongFunction<Void> nanos) {
        this.meters = meters;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.nanos = nanos;
    }

    /**
     * Queues the record's write for the poll thread's next turn; the record is finished in {@code progress} once
     * the write is acknowledged. Any thread.
     */
    void write(
            TopicPartition tp,
            long offset,
            PartitionProgress progress,
            String what,
            Supplier<CompletableFuture<Void>> send) {
        failed.add(new Failed(new Write(tp, offset, progress, what, send), 0, nanos.applyAsLong(null)));
    }

    private void attempt(Write write, int attempt) {
        CompletableFuture<Void> sent;
        try {
            sent = write.send().get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((v, error) -> {
            if (error == null) {
                failing.remove(write);
                write.progress().finished(write.offset());
                if (attempt > 1) {
                    log.info("{} of {}@{} succeeded at attempt {}", write.what(), write.tp(), write.offset(), attempt);
                }
                return;
            }
            failing.add(write); // before the halt: retryDue un-halts partitions with nothing failing
            long pause = Math.min(longestPause.toNanos(), firstPause.toNanos() << Math.min(attempt - 1, 20));
            log.warn(
                    "{} of {}@{} failed (attempt {}); retrying in {} ms: {}",
                    write.what(),
                    write.tp(),
                    write.offset(),
                    attempt,
                    pause / 1_000_000,
                    error.getMessage());
            if (attempt >= HALT_AFTER
                    && halted.putIfAbsent(
                                    write.tp(),
                                    write.what() + " of offset " + write.offset() + " failed " + attempt + " times: "
                                            + error.getMessage())
                            == null) {
                log.error(
                        "partition {} halted: {} of offset {} keeps failing; its offset will not be committed past it",
                        write.tp(),
                        write.what(),
                        write.offset());
            }
            failed.add(new Failed(write, attempt, nanos.applyAsLong(null) + pause));
        });
    }

    /**
     * Poll thread, every turn: sends new writes and retries those whose pause is over, drops those of partitions no longer
     * owned (their next owner replays the record), and un-halts partitions with nothing failing left.
     */
    void retryDue(OwnedPartitions owned) {
        long now = nanos.applyAsLong(null);
        List<Failed> due = new ArrayList<>();
        failed.removeIf(f -> {
            if (owned.progress(f.write().tp()) != f.write().progress()) {
                failing.remove(f.write());
                return true;
            }
            if (f.retryAtNanos() - now <= 0) {
                due.add(f);
                return true;
            }
            return false;
        });
        for (Failed f : due) {
            if (f.attempts() > 0) {
                meters.partitions().recordWriteRetried();
            }
            attempt(f.write(), f.attempts() + 1);
        }
        halted.keySet()
                .removeIf(tp -> owned.progress(tp) == null || failing.stream().noneMatch(w -> w.tp().equals(tp)));
    }

    /** Halted partitions and why. */
    Map<TopicPartition, String> halted() {
        return halted;
    }
}
