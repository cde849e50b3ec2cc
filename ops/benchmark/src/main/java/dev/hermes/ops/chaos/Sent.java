package dev.hermes.ops.chaos;

import dev.hermes.schemas.UserId;
import java.util.UUID;

/**
 * One ensure request the load sent, and what came back before its deadline: READY or FAILED (an answer,
 * with {@code answeredAtMs}), TIMEOUT (nothing before the deadline: {@code correlationId} lets the reply
 * tally find a late answer), or ERROR (the client gave up otherwise, e.g. it was closed).
 */
public record Sent(
        Kind kind,
        UserId user,
        long sentAtMs,
        long deadlineMs,
        Answer answer,
        long answeredAtMs,
        UUID correlationId,
        String detail) {

    /** Which part of the load it belongs to. */
    public enum Kind {
        WARM,
        COLD,
        AGENT
    }

    /** What the client saw before the deadline. */
    public enum Answer {
        READY,
        FAILED,
        TIMEOUT,
        ERROR
    }
}
