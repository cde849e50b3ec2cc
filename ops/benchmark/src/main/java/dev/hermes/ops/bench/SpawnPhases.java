package dev.hermes.ops.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where spawns' time went, as mean ms per phase: the raw side records its own (create = volume +
 * create, start = start + inspect, health), the fleet's come from its hermes_spawn_phase_seconds.
 */
public final class SpawnPhases {
    static final String[] PHASES = {"create", "start", "health"};
    private final Map<String, LongAdder> nanos = new LinkedHashMap<>();
    private final Map<String, LongAdder> counts = new LinkedHashMap<>();

    public SpawnPhases() {
        for (String phase : PHASES) {
            nanos.put(phase, new LongAdder());
            counts.put(phase, new LongAdder());
        }
    }

    public void record(String phase, long durationNanos) {
        nanos.get(phase).add(durationNanos);
        counts.get(phase).increment();
    }

    /** Mean ms per phase since the last call, prefixed ("raw_create_mean_ms"); then starts over. */
    public synchronized Map<String, Object> drain(String prefix) {
        Map<String, Object> means = new LinkedHashMap<>();
        for (String phase : PHASES) {
            long n = counts.get(phase).sumThenReset();
            long total = nanos.get(phase).sumThenReset();
            means.put(prefix + phase + "_mean_ms", n == 0 ? Double.NaN : total / 1e6 / n);
        }
        return means;
    }

    /** The fleet's phase sums and counts now, to diff with {@link #fleetMeans}. */
    public static double[] fleetSnapshot(FleetMetrics fleet) {
        double[] snapshot = new double[PHASES.length * 2];
        for (int i = 0; i < PHASES.length; i++) {
            String label = "phase=\"" + PHASES[i] + "\"";
            snapshot[2 * i] = fleet.sum("hermes_spawn_phase_seconds_sum", label);
            snapshot[2 * i + 1] = fleet.sum("hermes_spawn_phase_seconds_count", label);
        }
        return snapshot;
    }

    /** Mean ms per phase between two snapshots ("system_create_mean_ms", ...). */
    public static Map<String, Object> fleetMeans(double[] before, double[] after) {
        Map<String, Object> means = new LinkedHashMap<>();
        for (int i = 0; i < PHASES.length; i++) {
            double n = after[2 * i + 1] - before[2 * i + 1];
            means.put(
                    "system_" + PHASES[i] + "_mean_ms",
                    n <= 0 ? Double.NaN : (after[2 * i] - before[2 * i]) * 1000 / n);
        }
        return means;
    }

    /** Adds every entry as an extra fact of {@code figure}. */
    public static Figure with(Figure figure, Map<String, Object> facts) {
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            figure = figure.with(e.getKey(), e.getValue());
        }
        return figure;
    }
}
