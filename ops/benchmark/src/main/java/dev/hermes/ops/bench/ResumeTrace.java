package dev.hermes.ops.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * HERMES_BENCH_RESUME_TRACE=FILE: each timed resume's window, one line each, {@code side start_ns end_ns
 * answered_ns}, on CLOCK_MONOTONIC (System.nanoTime on Linux), so that a scheduler trace recorded with
 * {@code perf sched record -k CLOCK_MONOTONIC} can be cut into the system's and the raw side's windows.
 * answered_ns is the worker's RuntimeReady stamp moved onto the same clock (system side), else -1. Off: nothing.
 */
final class ResumeTrace implements AutoCloseable {
    private final PrintWriter out;
    private final long wallMinusMonotonicNs;

    private ResumeTrace(PrintWriter out) {
        this.out = out;
        Instant now = Instant.now();
        this.wallMinusMonotonicNs = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    static ResumeTrace off() {
        return new ResumeTrace(null);
    }

    static ResumeTrace from(Map<String, String> env) {
        String file = env.get("HERMES_BENCH_RESUME_TRACE");
        if (file == null || file.isBlank()) {
            return new ResumeTrace(null);
        }
        try {
            return new ResumeTrace(new PrintWriter(Files.newBufferedWriter(Path.of(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("HERMES_BENCH_RESUME_TRACE=" + file + ": " + e.getMessage(), e);
        }
    }

    void window(String side, long startNs, long endNs, Instant answered) {
        if (out == null) {
            return;
        }
        long answeredNs = answered == null
                ? -1
                : answered.getEpochSecond() * 1_000_000_000L + answered.getNano() - wallMinusMonotonicNs;
        out.println(side + " " + startNs + " " + endNs + " " + answeredNs);
    }

    @Override
    public void close() {
        if (out != null) {
            out.close();
        }
    }
}
