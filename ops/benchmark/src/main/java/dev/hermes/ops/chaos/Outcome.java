package dev.hermes.ops.chaos;

/**
 * A request after the tally: answered within its deadline; answered late (a reply after it); expired (no
 * reply, but the workers' audit shows it was ensured after its deadline: the worker sends no reply then,
 * by design, and the caller had its timeout); or lost (no reply and no trace in the audit by the end of the
 * grace period). {@code latencyMs} is the time to the reply, or to the audited answer for an expired one,
 * -1 for a lost one; {@code failed} says the answer was RuntimeFailed; {@code deadUrl} says it was READY
 * in time but its URL did not answer the probe.
 */
public record Outcome(
        Sent.Kind kind, long sentAtMs, Status status, long latencyMs, boolean failed, String detail, boolean deadUrl) {

    public Outcome(Sent.Kind kind, long sentAtMs, Status status, long latencyMs, boolean failed, String detail) {
        this(kind, sentAtMs, status, latencyMs, failed, detail, false);
    }

    /** The four ways a request ends. */
    public enum Status {
        IN_TIME,
        LATE,
        EXPIRED,
        LOST
    }

    public static Outcome of(Sent sent, ReplyTally.Answer lateReply, ReplyTally.Answer audited) {
        return switch (sent.answer()) {
            case READY, FAILED ->
                new Outcome(
                        sent.kind(),
                        sent.sentAtMs(),
                        Status.IN_TIME,
                        sent.answeredAtMs() - sent.sentAtMs(),
                        sent.answer() == Sent.Answer.FAILED,
                        sent.detail(),
                        sent.deadUrl());
            case TIMEOUT, ERROR -> {
                if (lateReply != null) {
                    yield late(sent, Status.LATE, lateReply);
                }
                if (audited != null) {
                    yield late(sent, Status.EXPIRED, audited);
                }
                yield new Outcome(sent.kind(), sent.sentAtMs(), Status.LOST, -1, false, sent.detail());
            }
        };
    }

    private static Outcome late(Sent sent, Status status, ReplyTally.Answer answer) {
        return new Outcome(
                sent.kind(), sent.sentAtMs(), status, answer.atMs() - sent.sentAtMs(), answer.failed(), sent.detail());
    }
}
