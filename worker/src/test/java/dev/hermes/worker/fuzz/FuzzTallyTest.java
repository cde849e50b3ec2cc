package dev.hermes.worker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.fuzz.kit.FuzzFamilies;
import dev.hermes.worker.fuzz.kit.FuzzKind;
import dev.hermes.worker.fuzz.kit.FuzzObserved;
import dev.hermes.worker.fuzz.kit.FuzzRecord;
import dev.hermes.worker.fuzz.kit.FuzzSent;
import dev.hermes.worker.fuzz.kit.FuzzTally;
import dev.hermes.worker.fuzz.kit.TopicEnds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FuzzTallyTest {
    private final FuzzObserved observed = new FuzzObserved();
    private int offsets;

    @Test
    void aBadRecordCountsWhenInTheDlqOrAnsweredInvalidRequestOrBoth() {
        FuzzSent inDlq = sent(FuzzKind.NOT_JSON);
        FuzzSent answered = sent(FuzzKind.UPPERCASE_USER_ID);
        FuzzSent both = sent(FuzzKind.MISSING_FIELD);
        observed.dlq(inDlq.source(), 10);
        observed.reply(answered.record().correlationId(), "INVALID_REQUEST", 20);
        observed.dlq(both.source(), 30);
        observed.reply(both.record().correlationId(), "INVALID_REQUEST", 40);

        FuzzTally tally = FuzzTally.of(List.of(inDlq, answered, both), observed);

        assertThat(tally.drained()).isTrue();
        assertThat(tally.badRecordsHandled().holds()).isTrue();
        assertThat(tally.answeredExactlyOnce().holds()).isTrue();
        assertThat(tally.row(FuzzKind.MISSING_FIELD).dlq()).isEqualTo(1);
        assertThat(tally.row(FuzzKind.MISSING_FIELD).invalidRequest()).isEqualTo(1);
        assertThat(tally.lastWriteMillis()).isEqualTo(40);
    }

    @Test
    void aBadRecordWithNeitherIsMissing() {
        FuzzSent lost = sent(FuzzKind.TRUNCATED_JSON);
        observed.reply(lost.record().correlationId(), "SPAWN_ERROR", 5);

        FuzzTally tally = FuzzTally.of(List.of(lost), observed);

        assertThat(tally.drained()).isFalse();
        assertThat(tally.badRecordsHandled().holds()).isFalse();
        assertThat(tally.badRecordsHandled().describe()).contains("TRUNCATED_JSON #0");
        assertThat(tally.row(FuzzKind.TRUNCATED_JSON).missing()).isEqualTo(1);
    }

    @Test
    void aStaleRequestMayBeSkippedAsDeadlinePassed() {
        FuzzSent stale = sent(FuzzKind.STALE_DEADLINE);
        observed.auditedSkip(stale.record().correlationId(), 7);

        FuzzTally tally = FuzzTally.of(List.of(stale, sent(FuzzKind.STALE_HEARTBEAT)), observed);

        assertThat(tally.drained()).isTrue();
        assertThat(tally.row(FuzzKind.STALE_DEADLINE).skipped()).isEqualTo(1);
    }

    @Test
    void aGoodRequestMustBeAnsweredReadyExactlyOnce() {
        FuzzSent once = sent(FuzzKind.GOOD);
        FuzzSent twice = sent(FuzzKind.GOOD);
        FuzzSent never = sent(FuzzKind.GOOD);
        observed.reply(once.record().correlationId(), FuzzObserved.READY, 1);
        observed.reply(twice.record().correlationId(), FuzzObserved.READY, 1);
        observed.reply(twice.record().correlationId(), FuzzObserved.READY, 2);

        FuzzTally tally = FuzzTally.of(List.of(once, twice, never), observed);

        assertThat(tally.drained()).isFalse();
        assertThat(tally.answeredExactlyOnce().offenderCount()).isEqualTo(2);
        assertThat(tally.answeredExactlyOnce().describe()).contains("GOOD #1", "GOOD #2");
    }

    @Test
    void aRejectedRecordThatWasServedFails() {
        FuzzSent served = sent(FuzzKind.KEY_NOT_USER_ID);
        observed.dlq(served.source(), 1);
        observed.reply(served.record().correlationId(), FuzzObserved.READY, 2);

        assertThat(FuzzTally.of(List.of(served), observed).answeredExactlyOnce().holds())
                .isFalse();
    }

    @Test
    void theTableHasARowPerKindAndATotal() {
        FuzzSent a = sent(FuzzKind.NOT_JSON);
        observed.dlq(a.source(), 1);

        String table = FuzzTally.of(List.of(a, sent(FuzzKind.NOT_JSON), sent(FuzzKind.GOOD)), observed)
                .table();

        assertThat(table).contains("kind", "not_json", "good", "total");
        assertThat(table.lines()
                        .filter(l -> l.startsWith("not_json"))
                        .findFirst()
                        .orElseThrow())
                .matches("not_json\\s+2\\s+1\\s+0\\s+0\\s+0\\s+1");
    }

    @Test
    void onlyAllowedTopicsMayGrow() {
        Map<String, Long> before = Map.of("h.requests", 5L, "h.settings", 2L, "h.replies", 0L);
        Map<String, Long> after = Map.of("h.requests", 99L, "h.settings", 3L, "h.replies", 4L, "h.nope", 1L);

        var verdict = TopicEnds.onlyAllowedGrew(before, after, Set.of("h.requests", "h.replies"));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.offenders()).containsExactlyInAnyOrder("h.settings: 2 -> 3", "h.nope: new topic -> 1");
        assertThat(TopicEnds.onlyAllowedGrew(before, before, Set.of()).holds()).isTrue();
    }

    @Test
    void containersOfBadFamiliesFail() {
        UserId good = UserId.random();
        UserId bad = UserId.random();
        UserId other = UserId.random();
        Map<String, Integer> containers = Map.of(good.value(), 1, other.value(), 1);

        assertThat(FuzzFamilies.noContainerForBadRecords(containers, Set.of(good), Set.of(bad), false)
                        .holds())
                .isTrue();
        assertThat(FuzzFamilies.noContainerForBadRecords(containers, Set.of(good), Set.of(bad), true)
                        .holds())
                .isFalse();
        assertThat(FuzzFamilies.noContainerForBadRecords(Map.of(bad.value(), 1), Set.of(good), Set.of(bad), false)
                        .holds())
                .isFalse();
    }

    private FuzzSent sent(FuzzKind kind) {
        int index = offsets++;
        UserId family = UserId.random();
        FuzzRecord record =
                new FuzzRecord(index, kind, family.asciiBytes(), new byte[] {'x'}, 0, UUID.randomUUID(), family);
        return new FuzzSent(record, "h.requests", 0, index);
    }
}
