package dev.hermes.worker.fuzz.kit;

/**
 * The kinds of record the fuzz writes on the requests topic, how often each comes up, and what counts as
 * handled for it. A kind that {@link #namesGoodFamily()} is aimed at one of the good families: the worker
 * may (and today does) ensure that family's runtime before it refuses the reply route, so a fresh family
 * there would get a container that the "no container for a bad record" check could not tell apart.
 */
public enum FuzzKind {
    GOOD(0, Expect.ANSWERED, true),
    NOT_JSON(10, Expect.REJECTED, false),
    EMPTY_VALUE(3, Expect.REJECTED, false),
    TRUNCATED_JSON(10, Expect.REJECTED, false),
    DEEP_NESTING(3, Expect.REJECTED, false),
    HUGE_VALUE(0, Expect.REJECTED, false),
    WRONG_TYPES(10, Expect.REJECTED, false),
    MISSING_FIELD(8, Expect.REJECTED, false),
    UNKNOWN_TYPE(8, Expect.REJECTED, false),
    UPPERCASE_USER_ID(8, Expect.REJECTED, false),
    BRACED_USER_ID(6, Expect.REJECTED, false),
    URN_USER_ID(6, Expect.REJECTED, false),
    KEY_NOT_USER_ID(8, Expect.REJECTED, false),
    NULL_KEY(6, Expect.REJECTED, false),
    UNKNOWN_SCHEMA_VERSION(6, Expect.REJECTED, false),
    NEGATIVE_REPLY_PARTITION(4, Expect.REJECTED, false),
    REPLY_PARTITION_9999(4, Expect.REJECTED, true),
    REPLY_TOPIC_INTERNAL(4, Expect.REJECTED, true),
    REPLY_TOPIC_UNKNOWN(3, Expect.REJECTED, true),
    STALE_DEADLINE(8, Expect.STALE, false),
    STALE_HEARTBEAT(4, Expect.NOTHING, false),
    FAR_FUTURE_DEADLINE(3, Expect.ANSWERED, true),
    DUPLICATE_EVENT_ID(3, Expect.ANSWERED, true);

    /** One 900 kB value per this many bad records (at least one): enough to prove the size, without filling the broker. */
    public static final int HUGE_VALUE_EVERY = 1_000;

    /** What a record of a kind must have caused once the batch is drained. */
    public enum Expect {
        /** In the DLQ, or answered RuntimeFailed INVALID_REQUEST, or both. */
        REJECTED,
        /** As REJECTED, or skipped as a replay: RuntimeFailed DEADLINE_PASSED (audited or answered). */
        STALE,
        /** A well-formed request (odd, not wrong): its correlationId gets exactly one answer (DLQ or INVALID_REQUEST also pass). */
        ANSWERED,
        /** Nothing to see (a heartbeat older than the stale bound): only "no container" applies. */
        NOTHING
    }

    private final int weight;
    private final Expect expect;
    private final boolean namesGoodFamily;

    FuzzKind(int weight, Expect expect, boolean namesGoodFamily) {
        this.weight = weight;
        this.expect = expect;
        this.namesGoodFamily = namesGoodFamily;
    }

    /** Relative frequency among the bad records (0: placed separately). */
    public int weight() {
        return weight;
    }

    public Expect expect() {
        return expect;
    }

    public boolean namesGoodFamily() {
        return namesGoodFamily;
    }

    public boolean bad() {
        return this != GOOD;
    }
}
