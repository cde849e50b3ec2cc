package dev.hermes.ops.console;

import dev.hermes.ops.status.RuntimeState;
import dev.hermes.ops.status.RuntimeStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One read of the fleet for the console: its lines, the current settings version (the newest SettingsChanged,
 * else the newest any runtime has) and when it was read.
 */
record FleetView(List<RuntimeStatus> lines, long currentSettingsVersion, Instant readAt) {

    /** The latest failures first, at most {@code limit}. */
    List<RuntimeStatus> recentFailures(int limit) {
        return lines.stream()
                .filter(s -> s.lastFailureAt() != null)
                .sorted(Comparator.comparing(RuntimeStatus::lastFailureAt).reversed())
                .limit(limit)
                .toList();
    }

    /** Live runtimes (running or paused) on the current settings version, and on an older one. */
    long[] recreateProgress() {
        long current = 0;
        long older = 0;
        for (RuntimeStatus s : lines) {
            if (s.state() == RuntimeState.RUNNING || s.state() == RuntimeState.PAUSED) {
                if (s.settingsVersion() != null && s.settingsVersion() >= currentSettingsVersion) {
                    current++;
                } else {
                    older++;
                }
            }
        }
        return new long[] {current, older};
    }
}
