package dev.hermes.ops.recreate;

import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Polls the fleet's containers until a recreate onto a version has converged ({@link RecreateProgress#converged()})
 * or the time is up. A family seen stuck that has no container now is being recreated (rm -f, then create); it
 * counts as stuck until it reappears, or for at most {@code grace} (a runtime removed for good, e.g. a stale paused
 * one, never reappears).
 */
public final class RecreateWait {
    private final Supplier<List<FleetContainer>> containers;
    private final Clock clock;
    private final Duration poll;
    private final Duration grace;

    /** Told the progress after every poll and once at the end. */
    public interface Display {
        void update(RecreateProgress progress, Duration elapsed);

        void finished(RecreateProgress progress, Duration elapsed);
    }

    public RecreateWait(Supplier<List<FleetContainer>> containers, Clock clock, Duration poll, Duration grace) {
        this.containers = containers;
        this.clock = clock;
        this.poll = poll;
        this.grace = grace;
    }

    /** The last progress seen: converged, or not when {@code timeout} ran out first. */
    public RecreateProgress await(long targetVersion, Duration timeout, Display display) throws InterruptedException {
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        Map<UserId, Instant> seenStuck = new HashMap<>();
        while (true) {
            List<FleetContainer> listed = containers.get();
            Instant now = clock.instant();
            Set<UserId> present = new HashSet<>();
            listed.forEach(c -> present.add(c.user()));
            seenStuck
                    .keySet()
                    .removeIf(user -> present.contains(user)
                            || seenStuck.get(user).plus(grace).isBefore(now));
            RecreateProgress progress = RecreateProgress.of(listed, targetVersion, seenStuck.keySet());
            progress.stuck().stream()
                    .filter(s -> s.settingsVersion() != RecreateProgress.UNKNOWN_VERSION)
                    .forEach(s -> seenStuck.put(s.user(), now));
            Duration elapsed = Duration.between(started, now);
            if (progress.converged() || !now.isBefore(deadline)) {
                display.finished(progress, elapsed);
                return progress;
            }
            display.update(progress, elapsed);
            Thread.sleep(Math.max(
                    0, Math.min(poll.toMillis(), Duration.between(now, deadline).toMillis())));
        }
    }
}
