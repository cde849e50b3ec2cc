package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditTerminalProgressTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TerminalProgress progress =
            new TerminalProgress(new PrintStream(err, true, StandardCharsets.UTF_8), clock);

    @Test
    void rewritesOneLineAboutOnceASecondWithRateAndEta() {
        clock.advance(Duration.ofMillis(500));
        progress.update(100_000, 1_000_000);
        assertThat(err()).isEmpty();

        clock.advance(Duration.ofMillis(500));
        progress.update(250_000, 1_000_000);
        assertThat(err()).isEqualTo("\rreplaying: 250,000 / 1,000,000 records, 250,000/s, ETA 3 s");

        clock.advance(Duration.ofMillis(1000));
        progress.update(2_000_000, 2_000_000);
        clock.advance(Duration.ofMillis(500));
        progress.finished(2_000_000, 2_000_000);
        assertThat(err())
                .isEqualTo("\rreplaying: 250,000 / 1,000,000 records, 250,000/s, ETA 3 s"
                        + "\rreplaying: 2,000,000 / 2,000,000 records, 1,000,000/s, ETA 0 s"
                        + "\rreplayed 2,000,000 records in 2.5 s" + " ".repeat(27) + System.lineSeparator());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
