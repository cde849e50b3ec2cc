package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.NO_MAX;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.secret;
import static dev.hermes.worker.config.SettingTypes.text;

import java.time.Duration;

/** The settings database (PostgreSQL). Part of {@link WorkerSettings}. */
public final class DatabaseSettings {
    public static final Setting<String> PG_URL =
            define("HERMES_PG_URL", text(), "jdbc:postgresql://127.0.0.1:5432/hermes", "settings database");

    public static final Setting<String> PG_USER = define("HERMES_PG_USER", text(), "postgres", "database user");

    public static final Setting<String> PG_PASSWORD =
            new Setting<>("HERMES_PG_PASSWORD", secret(0), () -> "", "empty", "database password");

    public static final Setting<Integer> PG_POOL_SIZE =
            define("HERMES_PG_POOL_SIZE", integer(1, NO_MAX), 4, "connection pool bound");

    public static final Setting<Duration> SETTINGS_POLL =
            seconds("HERMES_SETTINGS_POLL_SEC", 30, "database version check period");

    private DatabaseSettings() {}
}
