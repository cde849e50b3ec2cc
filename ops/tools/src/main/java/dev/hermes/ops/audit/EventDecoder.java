package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;

/** Bytes on the wire to an event; throws (naming the problem) when the record is not a valid event. */
@FunctionalInterface
public interface EventDecoder {
    Event decode(byte[] value);
}
