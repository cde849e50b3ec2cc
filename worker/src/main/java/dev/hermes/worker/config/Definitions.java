package dev.hermes.worker.config;

import java.time.Duration;
import java.util.function.Supplier;

/** How the worker's settings are defined: a constant default, or a default in seconds. */
final class Definitions {
    static final int MAX_PORT = 65535;
    static final int NO_MAX = Integer.MAX_VALUE;

    private Definitions() {}

    static <T> Setting<T> define(String name, SettingType<T> type, T fallback, String doc) {
        Supplier<T> constant = () -> fallback;
        return new Setting<>(name, type, constant, null, doc);
    }

    static Setting<Duration> seconds(String name, long fallbackSeconds, String doc) {
        return define(name, SettingTypes.positiveSeconds(), Duration.ofSeconds(fallbackSeconds), doc);
    }
}
