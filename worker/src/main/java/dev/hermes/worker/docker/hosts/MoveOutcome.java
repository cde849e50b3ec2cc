package dev.hermes.worker.docker.hosts;

/**
 * How one try of a family's move ended: MOVED (to {@code toHost}; {@code fresh} when this try copied it, false when an
 * earlier try had and only the row was left to finish), FAILED (the family untouched on its host, {@code reason} a
 * stable code and a colon and the details), or RETRY (transient: a host down, the partition released; the row stays
 * PENDING and the owner tries again).
 */
public record MoveOutcome(Kind kind, String toHost, String reason, long bytesCopied, long tookMs, boolean fresh) {
    public enum Kind {
        MOVED,
        FAILED,
        RETRY
    }

    static MoveOutcome moved(String toHost, long bytes, long tookMs) {
        return new MoveOutcome(Kind.MOVED, toHost, null, bytes, tookMs, true);
    }

    static MoveOutcome movedBefore(String toHost) {
        return new MoveOutcome(Kind.MOVED, toHost, null, 0, 0, false);
    }

    static MoveOutcome failed(String code, String details) {
        return new MoveOutcome(Kind.FAILED, null, code + ": " + details, 0, 0, false);
    }

    static MoveOutcome retry(String why) {
        return new MoveOutcome(Kind.RETRY, null, why, 0, 0, false);
    }
}
