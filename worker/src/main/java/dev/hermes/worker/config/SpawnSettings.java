package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.NO_MAX;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.integer;

import java.time.Duration;

/** Cold starts and what keeps them healthy: spawn concurrency, recreates, crash loops and liveness. Part of {@link WorkerSettings}. */
public final class SpawnSettings {
    public static final Setting<Integer> MAX_CONCURRENT_SPAWNS = define(
            "HERMES_MAX_CONCURRENT_SPAWNS",
            integer(1, NO_MAX),
            64,
            "Docker create/start at once, per worker: the ceiling of the adaptive limit, or the limit when `fixed`; "
                    + "see [Spawn concurrency](#spawn-concurrency)");

    public static final Setting<SpawnConcurrency> SPAWN_CONCURRENCY = define(
            "HERMES_SPAWN_CONCURRENCY",
            SpawnConcurrency.settingType(),
            SpawnConcurrency.ADAPTIVE,
            "`adaptive`: the limit follows the engine's throughput; `fixed`: always `HERMES_MAX_CONCURRENT_SPAWNS`");

    public static final Setting<Integer> MIN_CONCURRENT_SPAWNS = define(
            "HERMES_MIN_CONCURRENT_SPAWNS", integer(1, NO_MAX), 2, "the floor of the adaptive limit (it starts at 8)");

    public static final Setting<Integer> RECREATE_CONCURRENCY =
            define("HERMES_RECREATE_CONCURRENCY", integer(1, NO_MAX), 4, "recreates at once, per worker");

    public static final Setting<Integer> CRASH_LOOP_AFTER = define(
            "HERMES_CRASH_LOOP_AFTER",
            integer(1, NO_MAX),
            3,
            "failed spawns of a family in a row (`HEALTH_TIMEOUT`, or its container exited while booting) after "
                    + "which it is answered RuntimeFailed `CRASH_LOOP` at once, with no Docker call, until its backoff "
                    + "expires; see [Crash loops](#crash-loops)");

    public static final Setting<Duration> CRASH_LOOP_BACKOFF_MIN = seconds(
            "HERMES_CRASH_LOOP_BACKOFF_MIN_SEC",
            10,
            "a family's first crash-loop backoff; each failed try after one doubles it");

    public static final Setting<Duration> CRASH_LOOP_BACKOFF_MAX = seconds(
            "HERMES_CRASH_LOOP_BACKOFF_MAX_SEC",
            600,
            "the longest crash-loop backoff (at least `HERMES_CRASH_LOOP_BACKOFF_MIN_SEC`)");

    public static final Setting<Duration> LIVENESS_INTERVAL = seconds(
            "HERMES_LIVENESS_INTERVAL_SEC",
            30,
            "how often the owner re-checks `/health` of each warm runtime after it was ready (the checks are spread "
                    + "over the interval); see [Liveness](#liveness)");

    public static final Setting<Integer> LIVENESS_FAILURES = define(
            "HERMES_LIVENESS_FAILURES",
            integer(1, 100),
            3,
            "failed liveness checks in a row after which a warm runtime is removed (RuntimeStopped `UNHEALTHY`)");

    private SpawnSettings() {}
}
