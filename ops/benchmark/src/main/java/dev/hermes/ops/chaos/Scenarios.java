package dev.hermes.ops.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenarios in priority order; --quick shortens the broker pause, the agents' time and the burst. The
 * opt-in ones (dockerd restarts) run only when --only names them, never by default.
 */
public final class Scenarios {
    private Scenarios() {}

    public static List<Fault> all(boolean quick) {
        return List.of(
                new BrokerKill(Duration.ofSeconds(10)),
                new BrokerPause(Duration.ofSeconds(quick ? 5 : 20)),
                new WorkerKillInRecreate(Duration.ofMillis(500)),
                new AgentFaults(Duration.ofSeconds(quick ? 20 : 30)),
                new PostgresDown(false, Duration.ofSeconds(20), quick ? 5 : 10),
                new PostgresDown(true, Duration.ofSeconds(20), 0));
    }

    /** Only when --only names them: they restart the machine's dockerd, which disturbs everything on it. */
    public static List<Fault> optIn(boolean quick) {
        Path script =
                Path.of(System.getenv().getOrDefault("HERMES_CHAOS_DOCKERD_SCRIPT", "ops/lib/dockerd-restart.sh"));
        int burst = quick ? 5 : 10;
        return List.of(new DockerdRestart(false, burst, script), new DockerdRestart(true, burst, script));
    }

    /** Whether any of them stops PostgreSQL (then the run needs a {@link PrivatePostgres}). */
    public static boolean stopPostgres(List<Fault> faults) {
        return faults.stream().anyMatch(f -> f instanceof PostgresDown);
    }

    /** Every scenario --only may name: the default ones, then the opt-in ones. */
    public static List<String> names() {
        return Stream.concat(all(false).stream(), optIn(false).stream())
                .map(Fault::name)
                .toList();
    }

    /** The scenarios named in {@code only} (the default ones when empty), in priority order. */
    public static List<Fault> selected(Set<String> only, boolean quick) {
        if (only.isEmpty()) {
            return all(quick);
        }
        return Stream.concat(all(quick).stream(), optIn(quick).stream())
                .filter(f -> only.contains(f.name()))
                .toList();
    }
}
