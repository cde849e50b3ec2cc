package dev.hermes.ops.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The command line: {@code [--out FILE] [--only a,b,...] [--quick]}. */
public record BenchOptions(Path out, Set<FigureGroup> groups, boolean quick) {

    public static final String USAGE = "usage: ops/bench [--out FILE] [--only a,b,...] [--quick]\n"
            + "  --only takes figure names (cold, resume_p50, warm_p50, burst100, hol_ratio, heartbeats_per_s, "
            + "restore_1m_s, recreate100, audit_1m_s, fuzz10k_s, burst200_2hosts, ...)\n  or group names (cold, resume, "
            + "warm, burst, burst2, recreate, heartbeats, restore, audit, fuzz)";

    public BenchOptions {
        groups = groups.isEmpty() ? EnumSet.noneOf(FigureGroup.class) : EnumSet.copyOf(groups);
    }

    public BenchCounts counts() {
        return quick ? BenchCounts.quick() : BenchCounts.full();
    }

    public boolean runs(FigureGroup group) {
        return groups.contains(group);
    }

    /** Throws IllegalArgumentException with a message fit for the user on a bad command line. */
    public static BenchOptions parse(List<String> args) {
        Path out = null;
        Set<FigureGroup> groups = EnumSet.allOf(FigureGroup.class);
        boolean quick = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--only" -> groups = only(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new BenchOptions(out, groups, quick);
    }

    private static Set<FigureGroup> only(String list) {
        Set<FigureGroup> groups = EnumSet.noneOf(FigureGroup.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            groups.add(FigureGroup.named(name.trim())
                    .orElseThrow(() -> new IllegalArgumentException("unknown figure '" + name.trim() + "'")));
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one figure name");
        }
        return groups;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
