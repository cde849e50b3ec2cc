package dev.hermes.ops.audit;

import static dev.hermes.ops.audit.AuditHistory.A;
import static dev.hermes.ops.audit.AuditHistory.corr;
import static dev.hermes.ops.audit.AuditHistory.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTimelineTest {

    @Test
    void ordersByTimeAndFillsVersionsAndCorrelationsFromTheUsersOtherEvents() {
        List<Event> shuffled = new ArrayList<>(AuditHistory.userA());
        Collections.reverse(shuffled);

        Timeline timeline = Timeline.of(A, shuffled);

        assertThat(timeline.entries())
                .extracting(
                        TimelineEntry::type,
                        TimelineEntry::reason,
                        TimelineEntry::settingsVersion,
                        TimelineEntry::settingsVersionInferred,
                        TimelineEntry::correlationId,
                        TimelineEntry::correlationIdInferred)
                .containsExactly(
                        tuple("RuntimeSpawned", null, 1L, false, corr(1), false),
                        tuple("RuntimeStarted", null, 1L, true, corr(1), false),
                        tuple("RuntimeReady", null, 1L, false, corr(1), false),
                        tuple("RuntimeReady", null, 1L, false, corr(2), false),
                        tuple("RuntimeReady", null, 1L, false, corr(3), false),
                        tuple("RuntimeStopped", "SETTINGS_RECREATE", 1L, true, null, false),
                        tuple("RuntimeSpawned", null, 2L, false, null, false),
                        tuple("RuntimeStarted", null, 2L, true, null, false),
                        tuple("RuntimeRecreated", null, 2L, false, null, false),
                        tuple("RuntimeStopped", "IDLE", 2L, true, null, false),
                        tuple("RuntimeStarted", null, 2L, true, corr(4), false),
                        tuple("RuntimeStopped", "HEALTH_TIMEOUT", 2L, true, corr(4), true),
                        tuple("RuntimeFailed", "HEALTH_TIMEOUT", 2L, true, corr(4), false));
    }

    @Test
    void keepsEveryPhaseTimingOfEachEventType() {
        Timeline timeline = Timeline.of(A, AuditHistory.userA());

        assertThat(timeline.entries())
                .extracting(
                        TimelineEntry::createMs,
                        TimelineEntry::startMs,
                        TimelineEntry::healthMs,
                        TimelineEntry::totalMs,
                        TimelineEntry::durationMs,
                        TimelineEntry::coldStart,
                        TimelineEntry::adopted)
                .containsExactly(
                        tuple(180L, null, null, null, null, null, null),
                        tuple(null, 70L, null, null, null, null, false),
                        tuple(180L, 70L, 1250L, 1500L, null, true, null),
                        tuple(0L, 0L, 0L, 4L, null, false, null),
                        tuple(0L, 0L, 0L, 6L, null, false, null),
                        tuple(null, null, null, null, null, null, null),
                        tuple(150L, null, null, null, null, null, null),
                        tuple(null, 60L, null, null, null, null, false),
                        tuple(null, null, null, null, 1400L, null, null),
                        tuple(null, null, null, null, null, null, null),
                        tuple(null, 65L, null, null, null, null, true),
                        tuple(null, null, null, null, null, null, null),
                        tuple(null, null, null, null, null, null, null));
        assertThat(timeline.entries().get(8).fromSettingsVersion()).isEqualTo(1L);
        assertThat(timeline.entries().get(12).message()).isEqualTo("no 200 from GET /health within 120 s");
    }

    @Test
    void withNothingEarlierInViewARecreateStopRunsTheRecreatesFromVersionAndAFailureHasNoVersion() {
        UUID change = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T12:00:00Z");
        String name = A.containerName();
        Timeline timeline = Timeline.of(
                A,
                List.of(
                        new RuntimeStopped(
                                UUID.randomUUID(), t, A, change, "w", name, StopReason.SETTINGS_RECREATE, true, false),
                        new RuntimeRecreated(UUID.randomUUID(), t.plusSeconds(1), A, change, "w", name, 6, 7, 900),
                        new RuntimeFailed(
                                UUID.randomUUID(),
                                t.plusSeconds(2),
                                A,
                                corr(9),
                                FailureReason.SPAWN_ERROR,
                                "no",
                                "w",
                                req(9))));

        assertThat(timeline.entries())
                .extracting(TimelineEntry::settingsVersion)
                .containsExactly(6L, 7L, null);
    }

    @Test
    void eventsAtTheSameInstantKeepTheirLogOrder() {
        Instant t = Instant.parse("2026-11-20T12:00:00Z");
        String name = A.containerName();
        RuntimeStarted started = new RuntimeStarted(UUID.randomUUID(), t, A, null, null, "w", name, "c", true, 1);
        RuntimeStopped stopped =
                new RuntimeStopped(UUID.randomUUID(), t, A, null, "w", name, StopReason.DIED, false, false);

        assertThat(Timeline.of(A, List.of(stopped, started)).entries())
                .extracting(TimelineEntry::type)
                .containsExactly("RuntimeStopped", "RuntimeStarted");
        assertThat(Timeline.of(A, List.of()).entries()).isEmpty();
    }
}
