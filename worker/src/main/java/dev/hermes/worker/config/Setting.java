package dev.hermes.worker.config;

import dev.hermes.admin.EnvSecrets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One worker setting: its environment variable, type (parsing and validation), default and one-line doc.
 *
 * @param defaultDoc how the default reads in the README (markdown); null to show the formatted default
 */
public record Setting<T>(String name, SettingType<T> type, Supplier<T> fallback, String defaultDoc, String doc) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(doc, "doc");
    }

    public boolean secret() {
        return type.secret();
    }

    /**
     * The value in {@code env}: unset or blank means the default. Other values are trimmed; a secret is taken as
     * given, or from the file named by NAME_FILE (see {@link EnvSecrets}).
     */
    public T read(Map<String, String> env) {
        String raw = secret() ? EnvSecrets.read(env, name, null) : trimmedOrNull(env.get(name));
        if (raw == null) {
            return check(fallback.get());
        }
        try {
            T value = type.parse(raw);
            type.validate(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid("'" + raw + "'", e.getMessage());
        }
    }

    /** Returns {@code value} if this setting accepts it (for values not read from the environment). */
    public T check(T value) {
        try {
            type.validate(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid(value == null ? "nothing" : "'" + type.format(value) + "'", e.getMessage());
        }
    }

    /** The formatted default, or null when the default is computed or absent. */
    public String defaultText() {
        if (defaultDoc != null) {
            return null;
        }
        T value = fallback.get();
        return value == null ? null : type.format(value);
    }

    private InvalidSettingException invalid(String got, String detail) {
        if (secret()) {
            return new InvalidSettingException(name + " (or " + name + "_FILE) must be " + type.describe());
        }
        return new InvalidSettingException(name + " must be " + type.describe() + ", got " + got
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
    }

    private static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
