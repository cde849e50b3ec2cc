package dev.hermes.ops.recreate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a recreate's progress on stderr: on a terminal one bar rewritten in place with \r; otherwise a plain line
 * when the count of done runtimes changes, or every {@code PLAIN_EVERY} while nothing moves. Never writes to stdout.
 */
public final class RecreateDisplay implements RecreateWait.Display {
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
    private static final int BAR = 30;
    private final PrintStream err;
    private final boolean terminal;
    private int width;
    private int lastDone = -1;
    private Duration lastPrinted = Duration.ZERO;

    public RecreateDisplay(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(RecreateProgress progress, Duration elapsed) {
        if (terminal) {
            String line = bar(progress) + " " + line(progress, elapsed);
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            err.flush();
            width = line.length();
        } else if (progress.done() != lastDone || elapsed.minus(lastPrinted).compareTo(PLAIN_EVERY) >= 0) {
            err.println(line(progress, elapsed));
            lastDone = progress.done();
            lastPrinted = elapsed;
        }
    }

    @Override
    public void finished(RecreateProgress progress, Duration elapsed) {
        String line = (terminal ? bar(progress) + " " : "") + line(progress, elapsed);
        err.println((terminal ? "\r" : "") + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
    }

    static String line(RecreateProgress progress, Duration elapsed) {
        return String.format(
                Locale.ROOT,
                "recreate to settings version %d: %d/%d runtimes done%s, %d still on an older version, %d s",
                progress.targetVersion(),
                progress.done(),
                progress.total(),
                progress.deferred() == 0
                        ? ""
                        : " (" + progress.deferred() + " paused or stopped, replaced on their next ensure)",
                progress.stuck().size(),
                elapsed.toSeconds());
    }

    private static String bar(RecreateProgress progress) {
        int filled = progress.total() == 0 ? BAR : (int) ((long) BAR * progress.done() / progress.total());
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }
}
