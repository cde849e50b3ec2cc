package dev.hermes.ops.chaos;

import dev.hermes.ops.bench.Figure;
import dev.hermes.ops.bench.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's result as ops/bench figures: {@code <scenario>.sent}, {@code .in_time}, {@code .late}, {@code .expired},
 * {@code .lost} (target 0), {@code .duplicates} (target 0), {@code .recover_s}, {@code .warm_p99_fault_ms}, {@code .dead_urls} (READY answers whose URL did
 * not answer {@code GET /health}, with each one's times as {@code details}), {@code .dead_at_answer} (target 0: of
 * those, the ones whose container was dead when the worker answered; broken agent families aside) and {@code
 * .died_after_answer} (died between the answer and the probe; see {@link DeadUrl});
 * the per-kind counts and the fault ride along as extras of {@code .lost}.
 */
final class ChaosFigures {
    private ChaosFigures() {}

    static List<Figure> of(ScenarioResult r) {
        String n = r.name() + ".";
        if (r.error() != null) {
            return List.of(
                    Figure.failed(n + "lost", "requests", Target.atMost(0), r.error()),
                    Figure.failed(n + "duplicates", "containers", Target.atMost(0), r.error()));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(n + "sent", r.sent(), null, "requests", Target.none()));
        figures.add(Figure.of(n + "in_time", r.inTime(), null, "requests", Target.none())
                .with("failed_answers", r.failedAnswers()));
        figures.add(Figure.of(n + "late", r.late(), null, "requests", Target.none()));
        figures.add(Figure.of(n + "expired", r.expired(), null, "requests", Target.none()));
        Figure lost = Figure.of(n + "lost", r.lost(), null, "requests", Target.atMost(0));
        for (var extra : r.extras().entrySet()) {
            if (extra.getKey().equals("dead_url_details")) {
                continue; // on .dead_urls
            }
            lost = lost.with(extra.getKey(), extra.getValue());
        }
        figures.add(lost);
        figures.add(Figure.of(n + "duplicates", r.duplicates(), null, "families", Target.atMost(0)));
        Figure dead = Figure.of(n + "dead_urls", r.deadUrls(), null, "requests", Target.none());
        if (r.extras().containsKey("dead_url_details")) {
            dead = dead.with("details", r.extras().get("dead_url_details"));
        }
        figures.add(dead);
        figures.add(Figure.of(n + "dead_at_answer", r.deadAtAnswer(), null, "requests", Target.atMost(0)));
        figures.add(Figure.of(n + "died_after_answer", r.diedAfterAnswer(), null, "requests", Target.none()));
        figures.add(
                r.recoverSeconds() == null
                        ? Figure.failed(n + "recover_s", "s", Target.none(), "not recovered before the load stopped")
                        : Figure.of(n + "recover_s", r.recoverSeconds(), null, "s", Target.none()));
        figures.add(
                r.warmP99FaultMs() == null
                        ? Figure.failed(n + "warm_p99_fault_ms", "ms", Target.none(), "no warm answer in the window")
                        : Figure.of(n + "warm_p99_fault_ms", r.warmP99FaultMs(), null, "ms", Target.none()));
        return figures;
    }
}
