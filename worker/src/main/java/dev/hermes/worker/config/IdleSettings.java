package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.NO_MAX;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.bool;
import static dev.hermes.worker.config.SettingTypes.integer;

import java.time.Duration;

/** Idle runtimes: pause, stop, reaping, orphans and LastActive writes. Part of {@link WorkerSettings}. */
public final class IdleSettings {
    public static final Setting<Duration> RUNTIME_IDLE = seconds(
            "RUNTIME_IDLE_SEC",
            1800,
            "idle time after which a runtime is paused (stopped when `RUNTIME_PAUSE` is off)");

    public static final Setting<Boolean> RUNTIME_PAUSE = define(
            "RUNTIME_PAUSE",
            bool(),
            true,
            "tiered idle: pause an idle runtime (memory kept, no CPU, its scheduled jobs do not run; resumed in ms) "
                    + "and stop it after `RUNTIME_STOP_SEC` paused; `false` stops it at once");

    public static final Setting<Integer> RUNTIME_STOP = define(
            "RUNTIME_STOP_SEC",
            integer(0, NO_MAX),
            14400,
            "seconds a runtime stays paused before it is stopped (the volume is kept); earlier when the engine "
                    + "needs room at `HERMES_MAX_RUNTIMES`, paused runtimes first");

    public static final Setting<Duration> REAP_INTERVAL =
            seconds("HERMES_REAP_INTERVAL_SEC", 30, "how often idle runtimes are looked for");

    public static final Setting<Duration> ORPHAN_SWEEP =
            seconds("HERMES_ORPHAN_SWEEP_SEC", 300, "how often legacy orphans are looked for");

    public static final Setting<Duration> LAST_ACTIVE_WRITE_INTERVAL = seconds(
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", 60, "at most one LastActive write per family per interval");

    public static final Setting<Boolean> REMOVE_ON_REAP = define(
            "HERMES_REMOVE_ON_REAP",
            bool(),
            false,
            "remove (not just stop) reaped containers; volumes are always kept");

    private IdleSettings() {}
}
