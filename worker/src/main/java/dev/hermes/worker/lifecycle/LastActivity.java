package dev.hermes.worker.lifecycle;

import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Instant;

/**
 * When an owned runtime was last active, as the idle reaper and the evictor judge it: its family's last activity, or,
 * with no activity record, when it started (as this worker knows it, else as Docker says).
 */
final class LastActivity {
    private final ActivityTracker activity;
    private final RuntimeRegistry registry;
    private final RuntimeSpawner spawner;
    private final Clock clock;

    LastActivity(ActivityTracker activity, RuntimeRegistry registry, RuntimeSpawner spawner, Clock clock) {
        this.activity = activity;
        this.registry = registry;
        this.spawner = spawner;
        this.clock = clock;
    }

    Instant of(OwnedRuntimes.Owned owned) {
        ActivityTracker.Activity known = activity.get(owned.user());
        if (known != null) {
            return known.lastActiveAt();
        }
        Runtime runtime = registry.get(owned.user()).orElse(null);
        if (runtime != null) {
            return runtime.startedAt();
        }
        return spawner.inspect(owned.container().id())
                .map(c -> Instant.parse(c.startedAt()))
                .orElse(clock.instant());
    }
}
