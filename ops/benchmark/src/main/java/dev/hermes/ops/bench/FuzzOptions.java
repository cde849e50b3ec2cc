package dev.hermes.ops.bench;

import java.util.List;

/** ops/fuzz's command line: {@code [--records N] [--good N] [--seed S]}. */
public record FuzzOptions(int records, int good, long seed) {

    public static final String USAGE = "usage: ops/fuzz [--records N] [--good N] [--seed S]\n"
            + "  --records  hostile records (default 10000)\n"
            + "  --good     good requests mixed in, one family each (default 200)\n"
            + "  --seed     the generator's seed: the same seed gives the same batch (default 11)";

    public FuzzOptions {
        if (records < 0) {
            throw new IllegalArgumentException("--records must be 0 or more, got " + records);
        }
        if (good < 1) {
            throw new IllegalArgumentException("--good must be at least 1, got " + good);
        }
    }

    /** Throws IllegalArgumentException with a message fit for the user on a bad command line. */
    public static FuzzOptions parse(List<String> args) {
        int records = 10_000;
        int good = 200;
        long seed = 11;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--records" -> records = number(args, ++i, arg);
                case "--good" -> good = number(args, ++i, arg);
                case "--seed" -> seed = number(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new FuzzOptions(records, good, seed);
    }

    private static int number(List<String> args, int i, String option) {
        String value = value(args, i, option);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
