package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.schemas.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqReplayPlanTest {
    private static final Topics TOPICS = new Topics("hermes.");

    @Test
    void replaysEverySourceOnceFromItsNewestRecordAndSkipsWhatCannotGoBack() {
        List<DlqRecord> dlq = List.of(
                record(0, "hermes.runtime.requests-3@17"),
                record(1, "hermes.runtime.requests-1@5"),
                record(2, "hermes.runtime.requests-3@17"),
                record(3, null),
                record(4, "garbage"),
                record(5, "other.topic-0@1"),
                record(6, "hermes.runtime.dlq-0@0"));

        DlqReplayPlan plan = DlqReplayPlan.all(dlq, TOPICS);

        assertThat(plan.sends())
                .extracting(s -> s.record().at().offset(), DlqReplayPlan.Send::to)
                .containsExactly(
                        tuple(2L, new DlqSource("hermes.runtime.requests", 3, 17)),
                        tuple(1L, new DlqSource("hermes.runtime.requests", 1, 5)));
        assertThat(plan.duplicatesIgnored()).isEqualTo(1);
        assertThat(plan.skips())
                .extracting(s -> s.record().at().offset(), DlqReplayPlan.Skip::why)
                .containsExactly(
                        tuple(3L, "no usable hermes.dlq.source header (null)"),
                        tuple(4L, "no usable hermes.dlq.source header (garbage)"),
                        tuple(5L, "source topic other.topic is not a topic of this deployment (prefix 'hermes.')"),
                        tuple(
                                6L,
                                "source topic hermes.runtime.dlq is not a topic of this deployment (prefix 'hermes.')"));
    }

    @Test
    void replaysOneSourceOnRequest() {
        List<DlqRecord> dlq =
                List.of(record(0, "hermes.runtime.requests-3@17"), record(1, "hermes.runtime.requests-1@5"));

        DlqReplayPlan plan = DlqReplayPlan.forSource(dlq, DlqSource.parse("hermes.runtime.requests-1@5"), TOPICS);

        assertThat(plan.sends()).extracting(s -> s.record().at().offset()).containsExactly(1L);
        assertThat(DlqReplayPlan.forSource(dlq, DlqSource.parse("hermes.runtime.requests-1@6"), TOPICS)
                        .isEmpty())
                .isTrue();
    }

    static DlqRecord record(long offset, String source) {
        return new DlqRecord(
                new DlqSource("hermes.runtime.dlq", 0, offset),
                1_700_000_000_000L + offset,
                "key".getBytes(),
                "value".getBytes(),
                List.of(),
                "reason",
                null,
                source,
                "worker-1");
    }
}
