package dev.hermes.ops.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The scenarios in priority order; --quick shortens the broker pause, the agents' time and the burst. */
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

    /** Whether any of them stops PostgreSQL (then the run needs a {@link PrivatePostgres}). */
    public static boolean stopPostgres(List<Fault> faults) {
        return faults.stream().anyMatch(f -> f instanceof PostgresDown);
    }

    public static List<String> names() {
        return all(false).stream().map(Fault::name).toList();
    }

    /** The scenarios named in {@code only} (all when empty), in priority order. */
    public static List<Fault> selected(Set<String> only, boolean quick) {
        return all(quick).stream()
                .filter(f -> only.isEmpty() || only.contains(f.name()))
                .toList();
    }
}
