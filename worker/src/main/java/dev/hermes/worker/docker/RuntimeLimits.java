package dev.hermes.worker.docker;

import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_CAP_ADD;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_CPUS;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_LOG_MAX_FILE;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_LOG_MAX_SIZE;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_MEMORY_MB;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_PIDS_LIMIT;

import java.util.List;

/**
 * The least-privilege part of every runtime's host config: every capability dropped but {@code capAdd}, {@code
 * no-new-privileges}, memory, CPU and pids bounds, and json-file log rotation. Part of the config hash, so changing
 * one recreates the runtimes like a settings change.
 */
public record RuntimeLimits(
        long memoryMb, double cpus, long pidsLimit, List<String> capAdd, String logMaxSize, int logMaxFile) {

    public RuntimeLimits {
        if (memoryMb < 1 || cpus <= 0 || pidsLimit < 1 || logMaxFile < 1 || logMaxSize.isBlank()) {
            throw new IllegalArgumentException("runtime limits must be positive: " + memoryMb + " MB, " + cpus
                    + " CPUs, " + pidsLimit + " pids, " + logMaxFile + " log files of " + logMaxSize);
        }
        capAdd = List.copyOf(capAdd);
    }

    /** The settings' defaults (the README's). */
    public static RuntimeLimits defaults() {
        return new RuntimeLimits(
                RUNTIME_MEMORY_MB.fallback().get(),
                RUNTIME_CPUS.fallback().get(),
                RUNTIME_PIDS_LIMIT.fallback().get(),
                RUNTIME_CAP_ADD.fallback().get(),
                RUNTIME_LOG_MAX_SIZE.fallback().get(),
                RUNTIME_LOG_MAX_FILE.fallback().get());
    }

    public long memoryBytes() {
        return memoryMb * 1024 * 1024;
    }

    public long nanoCpus() {
        return Math.round(cpus * 1_000_000_000d);
    }

    /** Everything above in one stable string, for the config hash. */
    public String fingerprint() {
        return "mem=" + memoryMb + ";nanoCpus=" + nanoCpus() + ";pids=" + pidsLimit + ";capAdd="
                + String.join(",", capAdd) + ";log=" + logMaxSize + "x" + logMaxFile;
    }
}
