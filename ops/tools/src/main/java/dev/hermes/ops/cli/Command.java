package dev.hermes.ops.cli;

import java.io.PrintStream;
import java.util.List;

/** One `ops/hermes` subcommand. Returns the process exit code. */
public interface Command {
    String name();

    String usage();

    int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) throws Exception;
}
