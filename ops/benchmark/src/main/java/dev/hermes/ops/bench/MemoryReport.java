package dev.hermes.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a JVM's memory goes, as one line the simulated worker prints on request ("STATS" or "GC" on its
 * stdin): heap used and committed, non-heap used (metaspace, code cache), live threads. "GC" first
 * runs a full collection, so heap used is then the live data.
 */
public final class MemoryReport {
    static final String PREFIX = "STATS ";

    private MemoryReport() {}

    public static String line(boolean collectFirst) {
        if (collectFirst) {
            System.gc();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return PREFIX + "heapUsedMb=" + mb(memory.getHeapMemoryUsage().getUsed())
                + " heapCommittedMb=" + mb(memory.getHeapMemoryUsage().getCommitted())
                + " nonHeapUsedMb=" + mb(memory.getNonHeapMemoryUsage().getUsed())
                + " threads=" + ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Parses a {@link #line} back into name -> number. */
    public static Map<String, Object> parse(String line) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
