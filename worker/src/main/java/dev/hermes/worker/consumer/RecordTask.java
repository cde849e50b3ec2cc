package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.worker.kafka.ReplyNotSentException;
import dev.hermes.worker.lanes.Supersedable;
import dev.hermes.worker.metrics.Meters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record's work on its family's lane (or inline on the loop thread): handle the event, then mark
 * the record handled at once and finished when its writes are acknowledged, so its offset can be committed.
 * Whatever the handler throws, an {@link Error} included, the record is finished: the lane and the
 * partition's commit point keep moving. A reply that could not be sent puts the record in the DLQ with the
 * reason, and the record is finished only once that copy is written.
 *
 * <p>A heartbeat still waiting on its lane when a newer heartbeat or ensure of the same family is queued behind it is
 * merged into that one: it is finished without work ({@link #superseded()}). Its offset is committable at once, but
 * the commit point cannot pass the newer record until that one is finished, so a crash replays the newer record,
 * which does all the merged one would have: at-least-once holds.
 */
final class RecordTask implements Supersedable {
    private static final Logger log = LoggerFactory.getLogger(RecordTask.class);
    private final RequestHandler handler;
    private final Event event;
    private final ConsumerRecord<byte[], byte[]> record;
    private final TopicPartition tp;
    private final PartitionProgress progress;
    private final DeadLetters deadLetters;
    private final Meters meters;
    private final long dispatchedAt = System.nanoTime();

    RecordTask(
            RequestHandler handler,
            Event event,
            ConsumerRecord<byte[], byte[]> record,
            TopicPartition tp,
            PartitionProgress progress,
            DeadLetters deadLetters,
            Meters meters) {
        this.meters = meters;
        this.handler = handler;
        this.event = event;
        this.record = record;
        this.tp = tp;
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    /** A heartbeat is superseded by any later record of its family: a newer heartbeat, or an ensure. */
    @Override
    public boolean supersededBy(Runnable later) {
        return event instanceof Heartbeat
                && later instanceof RecordTask newer
                && newer.event.userId().equals(event.userId());
    }

    @Override
    public void superseded() {
        meters.requests().heartbeatMerged();
        progress.handled();
        progress.finished(record.offset());
    }

    @Override
    public void run() {
        meters.requests().laneWaited(Duration.ofNanos(System.nanoTime() - dispatchedAt));
        long offset = record.offset();
        CompletableFuture<Void> outcome;
        try {
            outcome = handler.handle(event, tp.partition());
        } catch (RuntimeException | Error e) {
            log.error("handling {}@{} failed", tp, offset, e);
            progress.handled();
            progress.finished(offset);
            return;
        }
        progress.handled();
        outcome.whenComplete((v, error) -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ReplyNotSentException unsent) {
                deadLetters.send(record, tp, progress, unsent.getMessage(), "reply");
                return;
            }
            if (error != null) {
                log.error("publishing the outcome of {}@{} failed", tp, offset, error);
            }
            progress.finished(offset);
        });
    }
}
