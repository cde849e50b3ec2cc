package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditFleetTallyTest {

    @Test
    void resumesAreCountedApartFromColdStartsAndTheirAnswersAreNotCold() {
        FleetTally tally = new FleetTally();
        UserId user = UserId.random();
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        UUID request = UUID.randomUUID();
        tally.accept(new dev.hermes.schemas.RuntimePaused(UUID.randomUUID(), t, user, null, "w", "c", "id", 1800000));
        tally.accept(new dev.hermes.schemas.RuntimeResumed(
                UUID.randomUUID(), t, user, request, null, "w", "c", "id", 24, 60000));
        tally.accept(new dev.hermes.schemas.RuntimeReady(
                UUID.randomUUID(), t, user, request, "http://127.0.0.1:1", "c", 1, false, 0, 0, 24, 31, "w", null));
        tally.accept(new dev.hermes.schemas.RuntimeResumed(
                UUID.randomUUID(), t, user, null, null, "w", "c", "id", 30, 60000));

        FleetSummary s = tally.summary("events", ReplayScope.fleet(null, null), new ReplayStats(4, 4, 0, List.of()));

        assertThat(s.resumes()).isEqualTo(2);
        assertThat(s.resume()).isEqualTo(new Percentiles(2, 24L, 30L, 30L, 30L));
        assertThat(s.coldAnswers()).isZero();
        assertThat(s.warmAnswers()).isEqualTo(1);
        assertThat(s.eventsByType()).containsEntry("RuntimePaused", 1L).containsEntry("RuntimeResumed", 2L);
    }

    @Test
    void countsAndMeasuresTheKnownHistory() {
        FleetSummary s = AuditPrinterTest.fleet();

        assertThat(s.recordsRead()).isEqualTo(19);
        assertThat(s.spawns()).isEqualTo(3);
        assertThat(s.coldAnswers()).isEqualTo(2);
        assertThat(s.warmAnswers()).isEqualTo(2);
        assertThat(s.failuresByReason()).containsExactly(Map.entry("HEALTH_TIMEOUT", 1L), Map.entry("SPAWN_ERROR", 1L));
        assertThat(s.stopsByReason())
                .containsExactly(
                        Map.entry("HEALTH_TIMEOUT", 1L),
                        Map.entry("IDLE", 1L),
                        Map.entry("ORPHAN", 1L),
                        Map.entry("SETTINGS_RECREATE", 1L));
        assertThat(s.recreatesBySettingsVersion()).containsExactly(Map.entry(2L, 1L));
        assertThat(s.timings())
                .isEqualTo(new FleetSummary.Timings(
                        new Percentiles(4, 6L, 2000L, 2000L, 2000L),
                        new Percentiles(2, 1500L, 2000L, 2000L, 2000L),
                        new Percentiles(2, 4L, 6L, 6L, 6L),
                        new Percentiles(3, 180L, 220L, 220L, 220L),
                        new Percentiles(4, 65L, 90L, 90L, 90L),
                        new Percentiles(2, 1250L, 1600L, 1600L, 1600L)));
        assertThat(s.topFailingUsers())
                .containsExactly(new UserCount(AuditHistory.A.value(), 1), new UserCount(AuditHistory.B.value(), 1));
    }

    @Test
    void listsTheTenUsersWithMostFailuresMostFirstTiesByUserId() {
        FleetTally tally = new FleetTally();
        for (int user = 1; user <= 12; user++) {
            int failures = user <= 3 ? 5 : user;
            for (int i = 0; i < failures; i++) {
                tally.accept(failed(user, i % 2 == 0 ? FailureReason.SPAWN_ERROR : FailureReason.DEADLINE_PASSED));
            }
        }

        List<UserCount> top = tally.summary("t", ReplayScope.fleet(null, null), new ReplayStats(0, 0, 0, List.of()))
                .topFailingUsers();

        assertThat(top)
                .extracting(UserCount::userId, UserCount::count)
                .containsExactly(
                        tuple(user(12).value(), 12L),
                        tuple(user(11).value(), 11L),
                        tuple(user(10).value(), 10L),
                        tuple(user(9).value(), 9L),
                        tuple(user(8).value(), 8L),
                        tuple(user(7).value(), 7L),
                        tuple(user(6).value(), 6L),
                        tuple(user(1).value(), 5L),
                        tuple(user(2).value(), 5L),
                        tuple(user(3).value(), 5L));
    }

    private static RuntimeFailed failed(int user, FailureReason reason) {
        return new RuntimeFailed(
                UUID.randomUUID(),
                Instant.parse("2026-11-20T00:00:00Z"),
                user(user),
                UUID.randomUUID(),
                reason,
                "x",
                "w",
                UUID.randomUUID());
    }

    private static UserId user(int n) {
        return UserId.of(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
