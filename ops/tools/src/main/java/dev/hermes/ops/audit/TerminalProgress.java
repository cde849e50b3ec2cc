package dev.hermes.ops.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * Progress for a person watching a terminal: about once a second, one line on stderr rewritten in place
 * with \r (records read, rate, ETA); a last line when done. Never writes to stdout.
 */
public final class TerminalProgress implements ReplayProgress {
    private static final long INTERVAL_MS = 1000;
    private final PrintStream err;
    private final Clock clock;
    private final long startedAt;
    private long printedAt;
    private int width;

    public TerminalProgress(PrintStream err, Clock clock) {
        this.err = err;
        this.clock = clock;
        this.startedAt = clock.millis();
        this.printedAt = startedAt;
    }

    @Override
    public void update(long recordsRead, long recordsTotal) {
        long now = clock.millis();
        if (now - printedAt < INTERVAL_MS) {
            return;
        }
        printedAt = now;
        double rate = recordsRead * 1000.0 / Math.max(1, now - startedAt);
        String eta = rate <= 0 ? "?" : Math.round(Math.max(0, recordsTotal - recordsRead) / rate) + " s";
        String line = String.format(
                Locale.ROOT, "replaying: %,d / %,d records, %,.0f/s, ETA %s", recordsRead, recordsTotal, rate, eta);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    @Override
    public void finished(long recordsRead, long recordsTotal) {
        String line = String.format(
                Locale.ROOT, "replayed %,d records in %.1f s", recordsRead, (clock.millis() - startedAt) / 1000.0);
        err.println("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
    }
}
