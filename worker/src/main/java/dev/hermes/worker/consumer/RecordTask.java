package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record's work on its family's lane (or inline on the loop thread): handle the event, then mark
 * the record handled at once and finished when its writes are acknowledged, so its offset can be committed.
 */
final class RecordTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RecordTask.class);
    private final RequestHandler handler;
    private final Event event;
    private final TopicPartition tp;
    private final long offset;
    private final PartitionProgress progress;

    RecordTask(RequestHandler handler, Event event, TopicPartition tp, long offset, PartitionProgress progress) {
        this.handler = handler;
        this.event = event;
        this.tp = tp;
        this.offset = offset;
        this.progress = progress;
    }

    @Override
    public void run() {
        CompletableFuture<Void> outcome;
        try {
            outcome = handler.handle(event, tp.partition());
        } catch (RuntimeException e) {
            log.error("handling {}@{} failed", tp, offset, e);
            progress.handled();
            progress.finished(offset);
            return;
        }
        progress.handled();
        outcome.whenComplete((v, error) -> {
            if (error != null) {
                log.error("publishing the outcome of {}@{} failed", tp, offset, error);
            }
            progress.finished(offset);
        });
    }
}
