package dev.hermes.worker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Topics;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class ReplyRoutesTest {
    private final Topics topics = new Topics("hermes.");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, Integer> existing = new ConcurrentHashMap<>(
            Map.of(topics.replies(), 8, "chat-replies-eu", 3, topics.settings(), 1, topics.lastActive(), 8));
    private final AtomicInteger lookups = new AtomicInteger();
    private final ReplyRoutes routes = new ReplyRoutes(
            List.of(topics.replies(), "chat-replies-*", "hermes.*"),
            topics,
            topic -> {
                lookups.incrementAndGet();
                Integer count = existing.get(topic);
                return count == null
                        ? CompletableFuture.failedFuture(
                                new UnknownTopicOrPartitionException("This server does not host this topic-partition."))
                        : CompletableFuture.completedFuture(count);
            },
            clock);

    @Test
    void allowedTopicsAndExistingPartitionsPass() {
        assertThat(routes.check(topics.replies(), 7)).succeedsWithin(Duration.ofSeconds(1));
        assertThat(routes.check("chat-replies-eu", 2)).succeedsWithin(Duration.ofSeconds(1));
    }

    @Test
    void internalTopicsAreRefusedEvenWhenAPatternMatchesThem() {
        for (String internal : List.of(
                topics.settings(),
                topics.lastActive(),
                topics.requests(),
                topics.events(),
                topics.dlq(),
                "__consumer_offsets")) {
            assertThat(refusal(internal, 0)).as(internal).contains("is internal");
        }
        assertThat(lookups).as("never looked up").hasValue(0);
    }

    @Test
    void topicsOutsideTheAllowListAreRefused() {
        assertThat(refusal("someone-elses-topic", 0)).contains("not allowed (HERMES_REPLY_TOPICS)");
        assertThat(ReplyRoutes.orDefault(List.of(), topics)).containsExactly(topics.replies());
    }

    @Test
    void aPartitionBeyondTheTopicsCountOrAMissingTopicIsRefused() {
        assertThat(refusal(topics.replies(), 9999))
                .isEqualTo("reply partition 9999 does not exist: 'hermes.runtime" + ".replies' has 8 partitions");
        assertThat(refusal(topics.replies(), -1)).contains("negative");
        assertThat(refusal("chat-replies-missing", 0))
                .contains("'chat-replies-missing' is not available")
                .contains("does not host");
    }

    @Test
    void countsAreCachedAndAMissIsOnlyLookedUpAgainAfterTheRecheckPause() {
        routes.check(topics.replies(), 1).join();
        routes.check(topics.replies(), 2).join();
        assertThat(lookups).hasValue(1);

        assertThat(refusal("chat-replies-new", 0)).contains("not available");
        existing.put("chat-replies-new", 2);
        assertThat(refusal("chat-replies-new", 0)).as("cached miss").contains("not available");
        clock.advance(ReplyRoutes.RECHECK.plusSeconds(1));
        assertThat(routes.check("chat-replies-new", 1)).succeedsWithin(Duration.ofSeconds(1));
    }

    private String refusal(String topic, int partition) {
        CompletableFuture<Void> checked = routes.check(topic, partition);
        assertThat(checked).isCompletedExceptionally();
        Throwable error = checked.handle((v, e) -> e).join();
        Throwable cause = error instanceof ReplyNotSentException || error.getCause() == null ? error : error.getCause();
        assertThat(cause).isInstanceOf(ReplyNotSentException.class);
        return cause.getMessage();
    }
}
