package dev.hermes.worker.config;

import java.math.BigDecimal;
import java.time.Duration;

/** Seconds, with decimals allowed so that tests can use sub-second timeouts; rounded to milliseconds. */
final class PositiveSecondsType implements SettingType<Duration> {
    @Override
    public String describe() {
        return "a number of seconds > 0 (decimals allowed)";
    }

    @Override
    public Duration parse(String raw) {
        double seconds;
        try {
            seconds = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException();
        }
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException();
        }
        Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
        if (seconds > 0 && duration.isZero()) {
            throw new IllegalArgumentException("rounds to 0 ms");
        }
        return duration;
    }

    @Override
    public void validate(Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException();
        }
    }

    @Override
    public String format(Duration value) {
        return BigDecimal.valueOf(value.toMillis())
                .movePointLeft(3)
                .stripTrailingZeros()
                .toPlainString();
    }
}
