package dev.hermes.worker.config;

/** Taken as given (not trimmed), or from NAME_FILE; never shown. */
final class SecretType implements SettingType<String> {
    private final int minLength;

    SecretType(int minLength) {
        this.minLength = minLength;
    }

    @Override
    public String describe() {
        return minLength == 0 ? "a secret (may be empty)" : "a secret of at least " + minLength + " characters";
    }

    @Override
    public String parse(String raw) {
        return raw;
    }

    @Override
    public void validate(String value) {
        if (value == null ? minLength > 0 : value.length() < minLength) {
            throw new IllegalArgumentException();
        }
    }

    @Override
    public String format(String value) {
        return "<redacted>";
    }

    @Override
    public boolean secret() {
        return true;
    }
}
