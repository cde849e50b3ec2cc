package dev.hermes.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** VmRSS and VmHWM (peak) of a process, from /proc/<pid>/status, in MB. */
public record ProcStatus(double rssMb, double peakRssMb) {

    public static ProcStatus of(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** User + system CPU time of a process so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
    public static double cpuSeconds(long pid) throws IOException {
        return parseCpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    static double parseCpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static ProcStatus parse(String status) {
        return new ProcStatus(kbField(status, "VmRSS:") / 1024.0, kbField(status, "VmHWM:") / 1024.0);
    }

    private static long kbField(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
