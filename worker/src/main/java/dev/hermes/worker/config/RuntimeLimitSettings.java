package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.NO_MAX;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.text;

import java.util.List;

/** The bounds every runtime runs under (see the README's Runtime hardening). Part of {@link WorkerSettings}. */
public final class RuntimeLimitSettings {
    public static final Setting<Integer> RUNTIME_MEMORY_MB = define(
            "HERMES_RUNTIME_MEMORY_MB",
            integer(64, NO_MAX),
            1024,
            "memory limit of each runtime in MiB (swap included, so no swap); the OOM killer stops the runtime, not the host");

    public static final Setting<Double> RUNTIME_CPUS = define(
            "HERMES_RUNTIME_CPUS", SettingTypes.positiveDecimal(1024), 1.0, "CPU quota of each runtime, in CPUs");

    public static final Setting<Integer> RUNTIME_PIDS_LIMIT = define(
            "HERMES_RUNTIME_PIDS_LIMIT",
            integer(16, NO_MAX),
            512,
            "processes and threads each runtime may hold (a fork bomb stops there)");

    public static final Setting<List<String>> RUNTIME_CAP_ADD = define(
            "HERMES_RUNTIME_CAP_ADD",
            SettingTypes.capabilities(),
            List.of("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL"),
            "capabilities added back after `CapDrop ALL` (what the seed's root phase needs before it drops to uid "
                    + "10000; see [Runtime hardening](#runtime-hardening))");

    public static final Setting<String> RUNTIME_LOG_MAX_SIZE = define(
            "HERMES_RUNTIME_LOG_MAX_SIZE", text(), "10m", "json-file log rotation: size of one log file (`10m`, `1g`)");

    public static final Setting<Integer> RUNTIME_LOG_MAX_FILE = define(
            "HERMES_RUNTIME_LOG_MAX_FILE", integer(1, 100), 3, "json-file log rotation: log files kept per runtime");

    private RuntimeLimitSettings() {}
}
