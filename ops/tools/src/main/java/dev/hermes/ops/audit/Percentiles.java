package dev.hermes.ops.audit;

/** Nearest-rank p50/p95/p99 and the maximum of a sample of milliseconds; the values are null when count is 0. */
public record Percentiles(long count, Long p50, Long p95, Long p99, Long max) {
    public static final Percentiles EMPTY = new Percentiles(0, null, null, null, null);
}
