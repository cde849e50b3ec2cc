package dev.hermes.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a JVM's Java threads so far, summed by thread group (the name without its index or
 * client suffix: "hermes-lane-17" -> "hermes-lane"). The simulated worker prints it on "CPU"; the
 * difference of two reports says where a round's CPU went. GC and JIT threads are not Java threads:
 * their share is the process's CPU time minus the threads' sum; the report adds the collectors' pause
 * time and the JIT's compile time (wall ms, in parentheses) as hints of how it splits.
 */
public final class ThreadCpuReport {
    static final String PREFIX = "CPU ";

    private ThreadCpuReport() {}

    public static String line() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byGroup.merge(group(info.getThreadName()), nanos / 1_000_000, Long::sum);
            }
        }
        byGroup.put(
                "(gc-pause-time)",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                        .sum());
        if (ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()) {
            byGroup.put(
                    "(jit-compile-time)",
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        }
        StringBuilder line = new StringBuilder(PREFIX);
        byGroup.forEach((group, ms) -> line.append(group).append('=').append(ms).append(' '));
        return line.toString().trim();
    }

    /** "hermes-lane-17" -> "hermes-lane"; "kafka-producer-network-thread | x" -> "kafka-producer-network-thread". */
    static String group(String threadName) {
        String name = threadName.contains(" | ") ? threadName.substring(0, threadName.indexOf(" | ")) : threadName;
        name = name.replaceAll("[-#_ ]?\\d+$", "").replace(' ', '_').replace('=', '_');
        return name.isEmpty() ? "unnamed" : name;
    }

    /** name -> ms from a {@link #line}. */
    public static Map<String, Long> parse(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** after - before, largest first, groups that used under 1% of the total left out. */
    public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> diff = new LinkedHashMap<>();
        long total = after.entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                .sum();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() * 100 >= total)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> diff.put(e.getKey(), e.getValue()));
        return diff;
    }
}
