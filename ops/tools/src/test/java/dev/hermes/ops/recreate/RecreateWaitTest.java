package dev.hermes.ops.recreate;

import static dev.hermes.ops.recreate.FleetContainer.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.audit.MutableClock;
import dev.hermes.schemas.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecreateWaitTest {
    private static final Duration GRACE = Duration.ofSeconds(15);
    private final UserId a = UserId.of("00000000-0000-4000-8000-00000000000a");
    private final UserId b = UserId.of("00000000-0000-4000-8000-00000000000b");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecreateDisplay display =
            new RecreateDisplay(new PrintStream(err, true, StandardCharsets.UTF_8), false);

    /** Each poll takes one second of the clock and returns the next list (the last one stays). */
    private RecreateWait polling(Deque<List<FleetContainer>> lists) {
        return new RecreateWait(
                () -> {
                    clock.advance(Duration.ofSeconds(1));
                    return lists.size() > 1 ? lists.poll() : lists.peek();
                },
                clock,
                Duration.ZERO,
                GRACE);
    }

    @Test
    void aFamilyBetweenRemoveAndCreateKeepsTheWaitGoingUntilItRunsOnTheNewVersion() throws Exception {
        Deque<List<FleetContainer>> lists = new ArrayDeque<>(List.of(
                List.of(new FleetContainer(a, 1, RUNNING), new FleetContainer(b, 1, RUNNING)),
                List.of(new FleetContainer(a, 2, RUNNING)),
                List.of(new FleetContainer(a, 2, RUNNING), new FleetContainer(b, 2, RUNNING))));

        RecreateProgress progress = polling(lists).await(2, Duration.ofMinutes(1), display);

        assertThat(progress.converged()).isTrue();
        assertThat(progress.done()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("recreate to settings version 2: 0/2 runtimes done, 2 still on an older version")
                .contains("1/2 runtimes done, 1 still on an older version")
                .contains("2/2 runtimes done, 0 still on an older version");
    }

    @Test
    void aFamilyGoneForLongerThanTheGraceCountsAsRemoved() throws Exception {
        Deque<List<FleetContainer>> lists = new ArrayDeque<>(List.of(
                List.of(new FleetContainer(a, 2, RUNNING), new FleetContainer(b, 1, RUNNING)),
                List.of(new FleetContainer(a, 2, RUNNING))));

        RecreateProgress progress = polling(lists).await(2, Duration.ofMinutes(1), display);

        assertThat(progress.converged()).isTrue();
        assertThat(progress.total()).isEqualTo(1);
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-30T12:00:15Z"));
    }

    @Test
    void onTimeoutItReturnsTheFamiliesStillOnAnOlderVersion() throws Exception {
        Deque<List<FleetContainer>> lists = new ArrayDeque<>(
                List.of(List.of(new FleetContainer(a, 2, RUNNING), new FleetContainer(b, 1, RUNNING))));

        RecreateProgress progress = polling(lists).await(2, Duration.ofSeconds(5), display);

        assertThat(progress.converged()).isFalse();
        assertThat(progress.stuck()).containsExactly(new RecreateProgress.Stuck(b, 1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T12:00:05Z"));
    }
}
