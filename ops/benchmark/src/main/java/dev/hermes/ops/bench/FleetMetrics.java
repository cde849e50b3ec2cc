package dev.hermes.ops.bench;

import java.util.ArrayList;
import java.util.List;

/** The stack workers' /metrics (127.0.0.1:9401, 9402, ...), summed over the fleet. */
public final class FleetMetrics {
    private final List<MetricsScraper> workers = new ArrayList<>();

    public FleetMetrics(WorkerFleet fleet) {
        for (int i = 0; i < fleet.workers(); i++) {
            workers.add(new MetricsScraper(WorkerFleet.FIRST_METRICS_PORT + i));
        }
    }

    /** The fleet-wide sum of one metric's samples carrying {@code labelPair}; NaN if no worker answers. */
    public double sum(String metric, String labelPair) {
        double total = 0;
        boolean any = false;
        for (MetricsScraper worker : workers) {
            try {
                double value = worker.scrape().sum(metric, labelPair);
                if (!Double.isNaN(value)) {
                    total += value;
                    any = true;
                }
            } catch (RuntimeException e) {
                // a worker that does not answer counts as nothing
            }
        }
        return any ? total : Double.NaN;
    }

    /** Mean in-worker time (ms) of the warm ensures between two snapshots of {@link #warmEnsures()}. */
    public static double meanMs(double[] before, double[] after) {
        double count = after[1] - before[1];
        return count <= 0 ? Double.NaN : (after[0] - before[0]) * 1000 / count;
    }

    /** {sum seconds, count} of hermes_ensure_seconds{path="warm"} over the fleet. */
    public double[] warmEnsures() {
        return new double[] {
            sum("hermes_ensure_seconds_sum", "path=\"warm\""), sum("hermes_ensure_seconds_count", "path=\"warm\"")
        };
    }
}
