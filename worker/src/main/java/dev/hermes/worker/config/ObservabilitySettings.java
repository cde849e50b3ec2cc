package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.MAX_PORT;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.SettingTypes.bool;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.text;

/** The worker's HTTP endpoints and its log format. Part of {@link WorkerSettings}. */
public final class ObservabilitySettings {
    public static final Setting<String> HTTP_HOST =
            define("HERMES_HTTP_HOST", text(), "127.0.0.1", "address of `/metrics`, `/livez`, `/readyz`");

    public static final Setting<Integer> HTTP_PORT = define(
            "HERMES_HTTP_PORT",
            integer(0, MAX_PORT),
            9400,
            "port of `/metrics`, `/livez`, `/readyz` (0 picks a free port)");

    public static final Setting<Boolean> LOG_JSON = define(
            "HERMES_LOG_JSON", bool(), false, "one JSON object per log line (with `userId`, `correlationId` in MDC)");

    private ObservabilitySettings() {}
}
