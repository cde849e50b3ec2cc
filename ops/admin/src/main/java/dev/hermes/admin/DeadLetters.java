package dev.hermes.admin;

import dev.hermes.admin.internal.TopicSnapshot;
import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * The DLQ topic as an operator sees it: {@link #list} reads every dead-lettered record with the reason the
 * worker gave, {@link #plan} decides what a replay sends where, and {@link #replayer} puts records back on
 * the topic they came from. Reads use assign() and seek: no consumer group, no commits.
 */
public final class DeadLetters {
    private final KafkaAccess kafka;
    private final Topics topics;
    private final Clock clock;

    public DeadLetters(KafkaAccess kafka, Topics topics, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    public String topic() {
        return topics.dlq();
    }

    /** The whole DLQ as it is now (up to the end offsets at the start), oldest first. */
    public List<DlqRecord> list() {
        return new TopicSnapshot(kafka, clock)
                .read(topics.dlq(), "hermes-dlq").stream()
                        .map(DlqRecord::of)
                        .sorted(Comparator.comparingLong(DlqRecord::timestampMs)
                                .thenComparingInt(r -> r.at().partition())
                                .thenComparingLong(r -> r.at().offset()))
                        .toList();
    }

    /** Every record in {@code dlq}, or, when {@code source} is given, the record(s) dead-lettered from there. */
    public DlqReplayPlan plan(List<DlqRecord> dlq, DlqSource source) {
        return source == null ? DlqReplayPlan.all(dlq, topics) : DlqReplayPlan.forSource(dlq, source, topics);
    }

    /** A producer for {@link DlqReplayer#replay}; close it when done. */
    public DlqReplayer replayer() {
        return new DlqReplayer(kafka.openProducer("hermes-dlq-replay"));
    }
}
