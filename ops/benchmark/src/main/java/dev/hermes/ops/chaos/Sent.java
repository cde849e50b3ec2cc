package dev.hermes.ops.chaos;

import dev.hermes.schemas.UserId;
import java.util.UUID;

/**
 * One ensure request the load sent, and what came back before its deadline: READY or FAILED (an answer,
 * with {@code answeredAtMs}), TIMEOUT (nothing before the deadline: {@code correlationId} lets the reply
 * tally find a late answer), or ERROR (the client gave up otherwise, e.g. it was closed). {@code
 * urlAnswered} is, for a READY answer, whether its URL's {@code GET /health} answered 200 within 1 s right
 * after (see {@link UrlProbe}); null when not probed (not READY, or not a 127.0.0.1 URL). For a READY answer,
 * {@code containerName} and {@code workerAnsweredAtMs} are the RuntimeReady's (its occurredAt; 0 when unknown) and
 * {@code probedAtMs} is when the probe began: {@link DeadUrl} tells a URL dead at the answer from one that died after.
 */
public record Sent(
        Kind kind,
        UserId user,
        long sentAtMs,
        long deadlineMs,
        Answer answer,
        long answeredAtMs,
        UUID correlationId,
        String detail,
        Boolean urlAnswered,
        String containerName,
        long workerAnsweredAtMs,
        long probedAtMs) {

    public Sent(
            Kind kind,
            UserId user,
            long sentAtMs,
            long deadlineMs,
            Answer answer,
            long answeredAtMs,
            UUID correlationId,
            String detail,
            Boolean urlAnswered) {
        this(kind, user, sentAtMs, deadlineMs, answer, answeredAtMs, correlationId, detail, urlAnswered, null, 0, 0);
    }

    public Sent(
            Kind kind,
            UserId user,
            long sentAtMs,
            long deadlineMs,
            Answer answer,
            long answeredAtMs,
            UUID correlationId,
            String detail) {
        this(kind, user, sentAtMs, deadlineMs, answer, answeredAtMs, correlationId, detail, null);
    }

    /** READY, but its URL did not answer 200 to the probe. */
    public boolean deadUrl() {
        return Boolean.FALSE.equals(urlAnswered);
    }

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
