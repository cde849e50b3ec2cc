package dev.hermes.worker.fuzz.kit;

import dev.hermes.schemas.Topics;
import java.time.Duration;
import java.time.Instant;

/**
 * What to generate: {@code bad} hostile records and {@code good} requests (one per good family), for a
 * stack's topics. The same seed, counts and {@code now} give the same bytes.
 *
 * @param requestPartitions the requests topic's partition count (for murmur2 and null-key placement)
 * @param replyPartitions the replies topic's partition count (good requests pick one at random)
 * @param goodDeadline how long after {@code now} the good requests' deadlines are: past the batch's drain
 */
public record FuzzPlan(
        long seed,
        int bad,
        int good,
        Topics topics,
        int requestPartitions,
        int replyPartitions,
        Instant now,
        Duration goodDeadline) {

    public FuzzPlan {
        if (bad < 0 || good < 1) {
            throw new IllegalArgumentException("need bad >= 0 and good >= 1, got " + bad + " and " + good);
        }
        if (requestPartitions < 1 || replyPartitions < 1) {
            throw new IllegalArgumentException("partition counts must be positive");
        }
    }

    public static FuzzPlan of(long seed, int bad, int good, Topics topics, int requestPartitions, int replyPartitions) {
        return new FuzzPlan(
                seed,
                bad,
                good,
                topics,
                requestPartitions,
                replyPartitions,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                Duration.ofMinutes(15));
    }
}
