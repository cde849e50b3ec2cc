package dev.hermes.ops.chaos;

import java.util.List;
import java.util.Locale;

/**
 * One row per scenario: sent, in time, late, expired (no reply by design), lost, duplicates, dead URLs and of them
 * dead at the answer and died after it ({@link DeadUrl}), recover (s), warm p99 in the fault (ms), ok?.
 */
final class ChaosTable {
    private ChaosTable() {}

    static String render(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        String format = "%-22s %6s %8s %6s %8s %6s %11s %10s %15s %18s %10s %18s  %s%n";
        out.append(String.format(
                Locale.ROOT,
                format,
                "scenario",
                "sent",
                "in_time",
                "late",
                "expired",
                "lost",
                "duplicates",
                "dead_urls",
                "dead_at_answer",
                "died_after_answer",
                "recover_s",
                "warm_p99_fault_ms",
                "ok?"));
        for (ScenarioResult r : results) {
            if (r.error() != null) {
                out.append(String.format(Locale.ROOT, "%-22s ERROR %s%n", r.name(), r.error()));
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    r.name(),
                    r.sent(),
                    r.inTime(),
                    r.late(),
                    r.expired(),
                    r.lost(),
                    r.duplicates(),
                    r.deadUrls(),
                    r.deadAtAnswer(),
                    r.diedAfterAnswer(),
                    r.recoverSeconds() == null ? "never" : String.format(Locale.ROOT, "%.1f", r.recoverSeconds()),
                    r.warmP99FaultMs() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.warmP99FaultMs()),
                    ok(r) ? "yes" : "NO"));
        }
        return out.toString();
    }

    /**
     * The suite's claims: nothing lost, no duplicate container, no URL dead when it was answered (a broken agent
     * family's aside).
     */
    static boolean ok(ScenarioResult r) {
        return r.error() == null && r.lost() == 0 && r.duplicates() == 0 && r.deadAtAnswer() == 0;
    }
}
