package dev.hermes.worker.config;

/** An integer from {@code min} to {@code max}, both included. */
final class IntegerRangeType implements SettingType<Integer> {
    private final int min;
    private final int max;

    IntegerRangeType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public String describe() {
        return max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
    }

    @Override
    public Integer parse(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException();
        }
    }

    @Override
    public void validate(Integer value) {
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException();
        }
    }
}
