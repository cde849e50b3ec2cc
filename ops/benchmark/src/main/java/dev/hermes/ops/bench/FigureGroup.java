package dev.hermes.ops.bench;

import java.util.List;
import java.util.Optional;

/** Figures that are measured together, in the order ops/bench runs them; --only takes either kind of name. */
public enum FigureGroup {
    COLD("cold", List.of(new FigureSpec("cold", "ms", Target.ratioAtMost(1.10)))),
    RESUME(
            "resume",
            List.of(
                    new FigureSpec("resume_p50", "ms", Target.ratioAtMost(1.5)),
                    new FigureSpec("resume_p99", "ms", Target.ratioAtMost(1.5)),
                    new FigureSpec("paused_mem_mb", "MB", Target.none()))),
    WARM(
            "warm",
            List.of(
                    new FigureSpec("warm_p50", "ms", Target.ratioAtMost(1.5)),
                    new FigureSpec("warm_p99", "ms", Target.ratioAtMost(2.0)),
                    new FigureSpec("warm_p999", "ms", Target.none()))),
    BURST(
            "burst",
            List.of(
                    new FigureSpec("burst100", "ms", Target.ratioAtMost(1.10)),
                    new FigureSpec("hol_ratio", "ms", Target.ratioAtMost(2.0)))),
    /** Two Docker hosts against one (the second drained); report only: issue 15 sets no target, see README. */
    BURST2("burst2", List.of(new FigureSpec("burst200_2hosts", "s", Target.none())), 1200),
    RECREATE("recreate", List.of(new FigureSpec("recreate100", "ms", Target.ratioAtMost(1.2)))),
    HEARTBEATS(
            "heartbeats",
            List.of(
                    new FigureSpec("heartbeats_per_s", "1/s", Target.atLeast(100_000)),
                    new FigureSpec("heartbeat_docker_calls", "calls", Target.atMost(0)),
                    new FigureSpec("worker_rss_mb_100k", "MB", Target.atMost(300)))),
    RESTORE("restore", List.of(new FigureSpec("restore_1m_s", "s", Target.atMost(5)))),
    AUDIT("audit", List.of(new FigureSpec("audit_1m_s", "s", Target.atMost(10)))),
    FUZZ(
            "fuzz",
            List.of(
                    new FigureSpec("fuzz10k_s", "s", Target.atMost(60)),
                    new FigureSpec("fuzz_warm_p99_ms", "ms", Target.ratioAtMost(2.0))));

    /** How long a group may take before it is reported as an error, unless HERMES_BENCH_GROUP_TIMEOUT_SEC says. */
    static final long DEFAULT_TIMEOUT_SEC = 420;

    private final String label;
    private final List<FigureSpec> figures;
    private final long timeoutSec;

    FigureGroup(String label, List<FigureSpec> figures) {
        this(label, figures, DEFAULT_TIMEOUT_SEC);
    }

    FigureGroup(String label, List<FigureSpec> figures, long timeoutSec) {
        this.label = label;
        this.figures = figures;
        this.timeoutSec = timeoutSec;
    }

    /** The group's own time bound: burst2 runs two bursts of 200 and a drain settle. */
    public long timeoutSec() {
        return timeoutSec;
    }

    public String label() {
        return label;
    }

    public List<FigureSpec> figures() {
        return figures;
    }

    /** The group a group label or figure name belongs to. */
    public static Optional<FigureGroup> named(String name) {
        for (FigureGroup group : values()) {
            if (group.label.equals(name)
                    || group.figures.stream().anyMatch(f -> f.name().equals(name))) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** The spec of a figure by its exact name. */
    public static FigureSpec spec(String figureName) {
        for (FigureGroup group : values()) {
            for (FigureSpec spec : group.figures) {
                if (spec.name().equals(figureName)) {
                    return spec;
                }
            }
        }
        throw new IllegalArgumentException("no figure named " + figureName);
    }
}
