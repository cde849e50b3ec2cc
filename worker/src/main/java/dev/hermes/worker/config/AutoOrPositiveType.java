package dev.hermes.worker.config;

/** {@code auto} (read as 0: derive it from the engine's memory) or a positive integer. */
final class AutoOrPositiveType implements SettingType<Integer> {
    @Override
    public String describe() {
        return "`auto` or an integer >= 1";
    }

    @Override
    public Integer parse(String raw) {
        if ("auto".equals(raw)) {
            return 0;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < 1) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException();
        }
    }

    @Override
    public void validate(Integer value) {
        if (value == null || value < 0) {
            throw new IllegalArgumentException();
        }
    }

    @Override
    public String format(Integer value) {
        return value != null && value == 0 ? "auto" : String.valueOf(value);
    }
}
