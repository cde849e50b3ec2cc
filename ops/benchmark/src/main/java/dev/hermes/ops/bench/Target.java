package dev.hermes.ops.bench;

import java.util.Locale;

/** What a figure must reach: its ratio to the raw baseline, or its own value, against a limit. */
public record Target(Kind kind, double limit) {

    /** How the limit applies. */
    public enum Kind {
        RATIO_AT_MOST,
        AT_MOST,
        AT_LEAST,
        NONE
    }

    public static Target ratioAtMost(double limit) {
        return new Target(Kind.RATIO_AT_MOST, limit);
    }

    public static Target atMost(double limit) {
        return new Target(Kind.AT_MOST, limit);
    }

    public static Target atLeast(double limit) {
        return new Target(Kind.AT_LEAST, limit);
    }

    public static Target none() {
        return new Target(Kind.NONE, Double.NaN);
    }

    /** True or false when it can be judged; null when there is no target or nothing was measured. */
    public Boolean met(Double system, Double ratio) {
        return switch (kind) {
            case RATIO_AT_MOST -> ratio == null || ratio.isNaN() ? null : ratio <= limit;
            case AT_MOST -> system == null || system.isNaN() ? null : system <= limit;
            case AT_LEAST -> system == null || system.isNaN() ? null : system >= limit;
            case NONE -> null;
        };
    }

    /** As printed in the table and written to the JSON: "ratio<=1.10", "<=20", ">=100000", "-". */
    public String describe() {
        return switch (kind) {
            case RATIO_AT_MOST -> "ratio<=" + String.format(Locale.ROOT, "%.2f", limit);
            case AT_MOST -> "<=" + plain(limit);
            case AT_LEAST -> ">=" + plain(limit);
            case NONE -> "-";
        };
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
