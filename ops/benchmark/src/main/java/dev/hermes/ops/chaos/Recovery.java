package dev.hermes.ops.chaos;

import java.util.Comparator;
import java.util.List;

/** The time-to-recover and warm-p99 arithmetic over a scenario's outcomes (the "agent" families excluded). */
final class Recovery {
    private Recovery() {}

    /**
     * Seconds from the fault's end until the first request after which every warm and cold request was
     * answered in time, without a RuntimeFailed, and each warm one within {@code warmThresholdMs}. 0 when
     * nothing after the fault started went wrong; null when the last request sent still went wrong.
     */
    static Double seconds(List<Outcome> outcomes, long faultStartMs, long faultEndMs, long warmThresholdMs) {
        List<Outcome> healthy = outcomes.stream()
                .filter(o -> o.kind() != Sent.Kind.AGENT)
                .sorted(Comparator.comparingLong(Outcome::sentAtMs))
                .toList();
        int lastBad = -1;
        for (int i = 0; i < healthy.size(); i++) {
            Outcome o = healthy.get(i);
            if (o.sentAtMs() >= faultStartMs && bad(o, warmThresholdMs)) {
                lastBad = i;
            }
        }
        if (lastBad < 0) {
            return 0.0;
        }
        if (lastBad == healthy.size() - 1) {
            return null;
        }
        long recoveredAt = healthy.get(lastBad + 1).sentAtMs();
        return Math.max(0, recoveredAt - faultEndMs) / 1000.0;
    }

    /** p99 latency of the warm requests sent in [fromMs, toMs] that were answered (in time or late). */
    static Double warmP99(List<Outcome> outcomes, long fromMs, long toMs) {
        long[] latencies = outcomes.stream()
                .filter(o -> o.kind() == Sent.Kind.WARM && o.status() != Outcome.Status.LOST)
                .filter(o -> o.sentAtMs() >= fromMs && o.sentAtMs() <= toMs)
                .mapToLong(Outcome::latencyMs)
                .sorted()
                .toArray();
        if (latencies.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(0.99 * latencies.length) - 1;
        return (double) latencies[Math.max(0, index)];
    }

    private static boolean bad(Outcome o, long warmThresholdMs) {
        return o.status() != Outcome.Status.IN_TIME
                || o.failed()
                || (o.kind() == Sent.Kind.WARM && o.latencyMs() > warmThresholdMs);
    }
}
