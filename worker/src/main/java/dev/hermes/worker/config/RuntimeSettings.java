package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.MAX_PORT;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.path;
import static dev.hermes.worker.config.SettingTypes.secret;
import static dev.hermes.worker.config.SettingTypes.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What a family's runtime is: its image, port, mounts, key secret, labels and health deadline. Part of {@link WorkerSettings}. */
public final class RuntimeSettings {
    public static final Setting<String> API_KEY_SECRET = new Setting<>(
            "HERMES_API_KEY_SECRET", secret(16), () -> null, "required", "HMAC secret for per-family API keys");

    public static final Setting<String> IMAGE = define(
            "HERMES_IMAGE", text(), "hermes-agent-stub:local", "agent image (production: the real hermes image)");

    public static final Setting<Integer> AGENT_PORT =
            define("HERMES_AGENT_PORT", integer(1, MAX_PORT), 8642, "the agent's API_SERVER_PORT inside the container");

    public static final Setting<String> PUBLISH_HOST =
            define("HERMES_PUBLISH_HOST", text(), "127.0.0.1", "host address the agent port is published on");

    public static final Setting<Path> PLUGINS_DIR = define(
            "HERMES_PLUGINS_DIR",
            path(),
            Path.of("/var/lib/hermes/plugins"),
            "host dir mounted read-only at `/opt/data/plugins`");

    public static final Setting<Duration> HEALTH_TIMEOUT =
            seconds("HERMES_HEALTH_TIMEOUT_SEC", 120, "deadline for `/health` = 200");

    public static final Setting<Map<String, String>> EXTRA_LABELS = new Setting<>(
            "HERMES_EXTRA_LABELS",
            SettingTypes.extraLabels(),
            Map::of,
            "none",
            "`k=v,k2=v2` labels added to every container and volume (tests set `hermes.test`)");

    private RuntimeSettings() {}
}
