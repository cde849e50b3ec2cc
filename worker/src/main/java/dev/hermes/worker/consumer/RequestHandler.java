package dev.hermes.worker.consumer;

import dev.hermes.schemas.Event;
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
}
