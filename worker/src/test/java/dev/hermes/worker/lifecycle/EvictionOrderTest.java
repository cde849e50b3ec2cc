package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvictionOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofMinutes(5));

    private static OwnedRuntimes.Owned runtime(String id, boolean paused) {
        return new OwnedRuntimes.Owned(
                UserId.random(), new ContainerSummary(id, List.of("/" + id), Map.of(), null, paused));
    }

    @Test
    void pausedRuntimesGoFirstLeastRecentlyActiveFirstThenIdleRunningOnes() {
        Map<OwnedRuntimes.Owned, Instant> lastActive = new LinkedHashMap<>();
        OwnedRuntimes.Owned runningIdlest = runtime("running-idlest", false);
        OwnedRuntimes.Owned runningIdle = runtime("running-idle", false);
        OwnedRuntimes.Owned pausedRecent = runtime("paused-recent", true);
        OwnedRuntimes.Owned pausedOld = runtime("paused-old", true);
        lastActive.put(runningIdlest, NOW.minus(Duration.ofHours(10)));
        lastActive.put(runningIdle, NOW.minus(Duration.ofMinutes(10)));
        lastActive.put(pausedRecent, NOW.minus(Duration.ofMinutes(31)));
        lastActive.put(pausedOld, NOW.minus(Duration.ofHours(2)));

        assertThat(Evictor.idlestFirst(lastActive, CUTOFF))
                .containsExactly(pausedOld, pausedRecent, runningIdlest, runningIdle);
    }

    @Test
    void aRunningRuntimeActiveSinceTheCutoffIsNeverACandidateButAPausedOneAlwaysIs() {
        Map<OwnedRuntimes.Owned, Instant> lastActive = new LinkedHashMap<>();
        OwnedRuntimes.Owned busy = runtime("busy", false);
        OwnedRuntimes.Owned justPaused = runtime("just-paused", true);
        lastActive.put(busy, NOW.minus(Duration.ofMinutes(1)));
        lastActive.put(justPaused, NOW.minus(Duration.ofMinutes(1)));

        assertThat(Evictor.idlestFirst(lastActive, CUTOFF)).containsExactly(justPaused);
    }
}
