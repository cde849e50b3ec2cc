package dev.hermes.ops.chaos;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line: {@code [--out FILE] [--only a,b,...] [--quick] [--workers N]}. */
public record ChaosOptions(Path out, Set<String> only, boolean quick, int workers) {

    public static final String USAGE = "usage: ops/chaos [--out FILE] [--only a,b,...] [--quick] [--workers N]\n"
            + "  scenarios: " + String.join(", ", Scenarios.names())
            + "\n  (dockerd_restart, dockerd_restart_live: only with --only, never by default)"
            + "\n  --workers: 2 or 3 (default 3)";

    public LoadShape shape() {
        return quick ? LoadShape.quick() : LoadShape.full();
    }

    /** Throws IllegalArgumentException with a message fit for the user on a bad command line. */
    public static ChaosOptions parse(List<String> args) {
        Path out = null;
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        int workers = 3;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--workers" -> workers = workers(value(args, ++i, arg));
                case "--only" -> {
                    for (String name : value(args, ++i, arg).split(",")) {
                        if (!Scenarios.names().contains(name.trim())) {
                            throw new IllegalArgumentException("unknown scenario '" + name.trim() + "'");
                        }
                        only.add(name.trim());
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new ChaosOptions(out, Set.copyOf(only), quick, workers);
    }

    private static int workers(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 2 && n <= 3) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--workers takes 2 or 3, not '" + value + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
