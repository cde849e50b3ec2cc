package dev.hermes.ops.bench;

import java.util.Arrays;

/**
 * Durations recorded in nanoseconds, read back as nearest-rank percentiles in milliseconds (the value
 * at rank ceil(q * n) of the sorted sample, so p99 of 2000 samples is the 1980th smallest). Thread-safe.
 */
public final class LatencySample {
    private long[] nanos = new long[256];
    private int size;

    public synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    public synchronized int size() {
        return size;
    }

    /** The q-quantile (0 < q <= 1) in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMs(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    public double medianMs() {
        return percentileMs(0.50);
    }

    public synchronized double maxMs() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, nanos[i]);
        }
        return size == 0 ? Double.NaN : max / 1e6;
    }

    /** Times {@code action} and records it; returns what it returned. */
    public <T> T time(ThrowingSupplier<T> action) throws Exception {
        long t0 = System.nanoTime();
        T result = action.get();
        add(System.nanoTime() - t0);
        return result;
    }

    /** A supplier that may throw, for {@link #time}. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
