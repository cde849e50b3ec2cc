package dev.hermes.worker.kafka;

import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a reply may go. The caller names the reply topic and partition, so both are checked: the topic must
 * match one of the allowed patterns ({@code *} matches any run of characters) and must not be an internal hermes
 * or Kafka topic, and the partition must exist. Partition counts come from a cache filled asynchronously
 * (the {@code describe} function, an Admin call), so no check ever blocks the thread that asks; an unknown or
 * too-small topic is looked up again at most once per {@link #RECHECK}.
 */
public final class ReplyRoutes {
    static final Duration RECHECK = Duration.ofSeconds(10);
    private final List<Pattern> allowed;
    private final Set<String> internal;
    private final Function<String, CompletableFuture<Integer>> describe;
    private final Clock clock;
    private final Map<String, Lookup> partitions = new ConcurrentHashMap<>();

    private record Lookup(CompletableFuture<Integer> count, long atMillis) {}

    /**
     * @param allowedTopics topic names or patterns with {@code *}
     * @param describe      the partition count of a topic; completes exceptionally if it does not exist
     */
    public ReplyRoutes(
            List<String> allowedTopics,
            Topics topics,
            Function<String, CompletableFuture<Integer>> describe,
            Clock clock) {
        this.allowed = allowedTopics.stream().map(ReplyRoutes::glob).toList();
        this.internal = Set.of(
                topics.requests(),
                topics.lastActive(),
                topics.settings(),
                topics.accounts(),
                topics.events(),
                topics.dlq());
        this.describe = describe;
        this.clock = clock;
    }

    /** The patterns {@code HERMES_REPLY_TOPICS} allows; an empty list means only the replies topic. */
    public static List<String> orDefault(List<String> configured, Topics topics) {
        return configured == null || configured.isEmpty() ? List.of(topics.replies()) : configured;
    }

    /** Completes when a reply may go to {@code topic}/{@code partition}; otherwise with a {@link ReplyNotSentException}. */
    public CompletableFuture<Void> check(String topic, int partition) {
        String refused = refusal(topic);
        if (refused != null) {
            return CompletableFuture.failedFuture(new ReplyNotSentException(refused));
        }
        if (partition < 0) {
            return CompletableFuture.failedFuture(
                    new ReplyNotSentException("reply partition " + partition + " is negative"));
        }
        return partitionCount(topic, partition).handle((count, error) -> {
            if (error != null) {
                throw new ReplyNotSentException("reply topic '" + topic + "' is not available: " + rootMessage(error));
            }
            if (partition >= count) {
                throw new ReplyNotSentException("reply partition " + partition + " does not exist: '" + topic + "' has "
                        + count + " partitions");
            }
            return null;
        });
    }

    /** Why the topic may not be written, or null if it may. */
    String refusal(String topic) {
        if (topic == null || topic.isBlank()) {
            return "no reply topic";
        }
        if (internal.contains(topic) || topic.startsWith("__")) {
            return "reply topic '" + topic + "' is internal";
        }
        if (allowed.stream().noneMatch(p -> p.matcher(topic).matches())) {
            return "reply topic '" + topic + "' is not allowed (HERMES_REPLY_TOPICS)";
        }
        return null;
    }

    private CompletableFuture<Integer> partitionCount(String topic, int partition) {
        long now = clock.millis();
        Lookup lookup = partitions.compute(topic, (t, known) -> {
            if (known == null || stale(known, partition, now)) {
                return new Lookup(describe.apply(t), now);
            }
            return known;
        });
        return lookup.count();
    }

    /** A failed or too-small answer is asked again after {@link #RECHECK}: topics get created and grow. */
    private static boolean stale(Lookup known, int partition, long now) {
        if (now - known.atMillis() < RECHECK.toMillis() || !known.count().isDone()) {
            return false;
        }
        return known.count().isCompletedExceptionally() || known.count().join() <= partition;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while ((root instanceof java.util.concurrent.CompletionException
                        || root instanceof java.util.concurrent.ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
