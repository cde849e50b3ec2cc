package dev.hermes.worker.config;

/**
 * How one kind of setting is parsed, validated and described. {@link #describe()} completes "NAME must be ..." in
 * error messages and fills the README's "valid values" column, so both always say the same thing.
 *
 * <p>{@link #parse} and {@link #validate} throw {@link IllegalArgumentException} when a value is not accepted; a
 * message, if any, is a detail appended to the uniform error (never the value of a secret).
 */
public interface SettingType<T> {
    String describe();

    T parse(String raw);

    default void validate(T value) {
        if (value == null) {
            throw new IllegalArgumentException();
        }
    }

    /** The value as the environment would spell it (for defaults in the docs and values in error messages). */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** Secrets are also read from NAME_FILE, and their values never appear in messages. */
    default boolean secret() {
        return false;
    }
}
