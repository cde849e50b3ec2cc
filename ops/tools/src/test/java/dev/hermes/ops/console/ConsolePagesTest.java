package dev.hermes.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.audit.Timeline;
import dev.hermes.ops.status.RuntimeState;
import dev.hermes.ops.status.RuntimeStatus;
import dev.hermes.ops.status.StatusFilter;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's pages from fake fleet views: what they show, and that every value is escaped. */
class ConsolePagesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final UserId A = UserId.of("00000000-0000-4000-8000-00000000000a");
    private static final UserId B = UserId.of("00000000-0000-4000-8000-00000000000b");
    private static final UserId C = UserId.of("00000000-0000-4000-8000-00000000000c");

    private static RuntimeStatus status(UserId user, RuntimeState state, Long version, String failure, int failedAgo) {
        return new RuntimeStatus(
                user,
                state,
                "<host>",
                "w1@127.0.0.1",
                NOW,
                version,
                Duration.ofMinutes(3),
                failure,
                failure == null ? null : NOW.minus(Duration.ofMinutes(failedAgo)));
    }

    private static FleetView view() {
        return new FleetView(
                List.of(
                        status(A, RuntimeState.RUNNING, 3L, null, 0),
                        status(B, RuntimeState.PAUSED, 2L, "DIED", 30),
                        status(C, RuntimeState.FAILED, 2L, "SPAWN_ERROR", 5)),
                3,
                NOW);
    }

    @Test
    void theFleetPageShowsRecreateProgressTheLatestFailureFirstAndEscapesValues() {
        String page = FleetPage.render(view(), StatusFilter.all());

        assertThat(page)
                .contains("1 of 2 live runtimes on settings version 3, 1 on an older one")
                .contains("<td>&lt;host&gt;</td>")
                .doesNotContain("<host>")
                .contains("href=\"/family?user=" + A.value() + "\"");
        assertThat(page.indexOf("SPAWN_ERROR")).isLessThan(page.indexOf("DIED"));
    }

    @Test
    void theFleetTableKeepsOnlyWhatTheFilterLetsThroughAndEchoesTheFilterEscaped() {
        String page = FleetPage.render(view(), new StatusFilter("\"><b>x", null));
        String failedOnly = FleetPage.render(view(), new StatusFilter(null, RuntimeState.FAILED));

        assertThat(page).contains("value=\"&quot;&gt;&lt;b&gt;x\"").contains("0 runtime(s)");
        String table = failedOnly.substring(failedOnly.indexOf("<table id=\"fleet\""));
        assertThat(table).contains(C.value()).doesNotContain(A.value()).doesNotContain(B.value());
        assertThat(failedOnly).contains("<option value=\"failed\" selected>");
    }

    @Test
    void theFamilyPageListsTheTimelineWithMessagesEscaped() {
        Timeline timeline = Timeline.of(
                A,
                List.of(new RuntimeFailed(
                        UUID.randomUUID(),
                        NOW,
                        A,
                        UUID.randomUUID(),
                        FailureReason.SPAWN_ERROR,
                        "<img src=x>",
                        "w1",
                        null)));

        String page = FamilyPage.render(timeline);

        assertThat(page)
                .contains("<td>RuntimeFailed</td>")
                .contains("<td>SPAWN_ERROR</td>")
                .contains("&lt;img src=x&gt;")
                .doesNotContain("<img");
    }
}
