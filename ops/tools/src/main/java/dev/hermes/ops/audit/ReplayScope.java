package dev.hermes.ops.audit;

import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;

/**
 * What to replay: events with {@code since <= occurredAt < until} (either bound may be null), of one user
 * or (user null) of everyone. A user's events are read from the partition their key hashes to, unless
 * {@code allPartitions} (e.g. after the topic's partition count changed).
 */
public record ReplayScope(UserId user, Instant since, Instant until, boolean allPartitions) {
    /**
     * How far the Kafka record timestamp may run ahead of the event's occurredAt (the producer stamps the
     * record just after the worker stamps the event); offsets are looked up this much before --since.
     */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    public ReplayScope {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " must be before --until " + until);
        }
    }

    public static ReplayScope fleet(Instant since, Instant until) {
        return new ReplayScope(null, since, until, true);
    }

    public static ReplayScope user(UserId user, Instant since, Instant until) {
        return new ReplayScope(user, since, until, false);
    }

    public boolean covers(Instant occurredAt) {
        return (since == null || !occurredAt.isBefore(since)) && (until == null || occurredAt.isBefore(until));
    }

    /** Kafka timestamp to start from, or null for the beginning. */
    public Long seekTimestampMs() {
        return since == null ? null : since.minus(CLOCK_SLACK).toEpochMilli();
    }

    /** Kafka timestamp after which a partition holds nothing more in scope, or null when unbounded. */
    public Long stopTimestampMs() {
        return until == null ? null : until.plus(CLOCK_SLACK).toEpochMilli();
    }
}
