package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.ReplyCoordinates;
import java.util.concurrent.CompletableFuture;

/**
 * Handles one decoded request-topic event on its family's lane. The returned future completes when
 * everything the event caused has been durably published; only then is its offset committable.
 */
public interface RequestHandler {
    CompletableFuture<Void> handle(Event event, int partition);

    /** True if handling {@code event} now would not block (answered from memory); it may then run inline. */
    default boolean isQuick(Event event) {
        return false;
    }

    /**
     * A record refused as invalid (its DLQ copy is on its way) whose reply coordinates could be read: tell its caller
     * why, with {@code reason} naming the field. Called on the poll thread, so it must neither block nor throw. By
     * default nobody is told.
     */
    default void refuse(ReplyCoordinates to, String reason) {}
}
