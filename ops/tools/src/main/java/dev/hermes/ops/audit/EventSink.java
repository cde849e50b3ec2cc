package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;

/** Receives the decoded events of a replay, in offset order within each partition. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
