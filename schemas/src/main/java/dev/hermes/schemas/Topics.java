package dev.hermes.schemas;

import java.util.Objects;

/** The topic names of one hermes deployment; every name shares one configurable prefix. */
public record Topics(String prefix) {
    public static final String DEFAULT_PREFIX = "hermes.";

    public Topics {
        Objects.requireNonNull(prefix, "topic prefix");
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new HermesException(
                    "topic prefix may only hold letters, digits, '.', '_' and '-', got '" + prefix + "'");
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String requests() {
        return prefix + "runtime.requests";
    }

    public String lastActive() {
        return prefix + "runtime.last-active";
    }

    public String replies() {
        return prefix + "runtime.replies";
    }

    public String settings() {
        return prefix + "settings";
    }

    public String events() {
        return prefix + "runtime.events";
    }

    /** Compacted, keyed by user id: each family's newest AccountUpdated. */
    public String accounts() {
        return prefix + "accounts";
    }

    public String dlq() {
        return prefix + "runtime.dlq";
    }
}
