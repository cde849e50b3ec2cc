package dev.hermes.worker.kafka;

import dev.hermes.schemas.HermesException;

/** A reply that was not written: its coordinates are not allowed or do not exist, or the send failed. */
public final class ReplyNotSentException extends HermesException {
    public ReplyNotSentException(String message) {
        super(message);
    }

    public ReplyNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
