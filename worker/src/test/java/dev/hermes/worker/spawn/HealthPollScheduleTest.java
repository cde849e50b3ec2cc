package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthPollScheduleTest {
    private final HealthPollSchedule schedule = HealthPollSchedule.DEFAULT;

    @Test
    void pollsEveryThreeMillisecondsInTheFirstHundred() {
        assertThat(schedule.nextPauseMs(0, 0)).isEqualTo(3);
        assertThat(schedule.nextPauseMs(14, 3)).isEqualTo(3);
        assertThat(schedule.nextPauseMs(96, 3)).isEqualTo(3);
    }

    @Test
    void theLastFastPauseEndsWhenTheFastWindowDoes() {
        assertThat(schedule.nextPauseMs(99, 3)).isEqualTo(1);
    }

    @Test
    void thenBacksOffFrom25To100() {
        assertThat(schedule.nextPauseMs(100, 3)).isEqualTo(25);
        assertThat(schedule.nextPauseMs(130, 25)).isEqualTo(50);
        assertThat(schedule.nextPauseMs(185, 50)).isEqualTo(100);
        assertThat(schedule.nextPauseMs(5_000, 100)).isEqualTo(100);
    }

    @Test
    void aSlowAgentCostsAboutFortyProbesInTheFirstSecond() {
        List<Long> probesAt = new ArrayList<>();
        long elapsed = 0;
        long pause = 0;
        while (elapsed < 1_000) {
            probesAt.add(elapsed);
            pause = schedule.nextPauseMs(elapsed, pause);
            elapsed += pause;
        }
        // 34 in the fast window, then 25 + 50 and about eight of 100 ms
        assertThat(probesAt).hasSizeBetween(40, 50);
        assertThat(probesAt.stream().filter(t -> t < 100)).hasSize(34);
    }

    @Test
    void rejectsSchedulesThatWouldSpinOrShrink() {
        assertThatThrownBy(() -> new HealthPollSchedule(0, 100, 25, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPollSchedule(3, 100, 25, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
