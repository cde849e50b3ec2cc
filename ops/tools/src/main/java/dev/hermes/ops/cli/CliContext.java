package dev.hermes.ops.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What every command works with: the environment, the standard streams, the clock, and whether stderr is a
 * terminal (progress is shown only then). Commands take it in their constructor (see {@link CliFactory}).
 */
public record CliContext(
        CliEnv env, InputStream stdin, PrintStream out, PrintStream err, Clock clock, boolean terminal) {

    public static CliContext system() {
        return new CliContext(
                new CliEnv(System.getenv()),
                System.in,
                System.out,
                System.err,
                Clock.systemUTC(),
                System.console() != null);
    }
}
