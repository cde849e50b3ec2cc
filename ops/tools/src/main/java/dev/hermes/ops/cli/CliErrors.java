package dev.hermes.ops.cli;

import dev.hermes.schemas.HermesException;
import java.io.PrintStream;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the CLI prints when a command line is wrong (the reason and the command's usage, exit 2) or when a
 * command fails (the reason, exit 1). A failure never prints a stack trace; a secret never reaches here.
 */
final class CliErrors {
    private final PrintStream err;

    CliErrors(PrintStream err) {
        this.err = err;
    }

    int usage(ParameterException e, String[] args) {
        return usage(e.getCommandLine(), reason(e));
    }

    int failure(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof UsageException) {
            return usage(command, e.getMessage());
        }
        String name = path(command);
        err.println(e instanceof HermesException ? name + ": " + e.getMessage() : name + " failed: " + e);
        return HermesCli.FAILED;
    }

    private int usage(CommandLine command, String reason) {
        err.println(reason);
        if (command.getParent() == null) {
            command.usage(err);
            return HermesCli.USAGE;
        }
        String indent = "usage: ";
        for (CommandLine leaf : leaves(command)) {
            for (String line : leaf.getHelp().synopsis(0).stripTrailing().split("\n")) {
                err.println(indent + line.stripTrailing());
                indent = "       ";
            }
        }
        err.println("Try 'ops/hermes " + path(command) + " --help' for more.");
        return HermesCli.USAGE;
    }

    private static String reason(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            if (command.getParent() == null) {
                return "unknown command '" + argument + "'";
            }
            if (hasActions(command)) {
                return "unknown action '" + argument + "'; " + actions(command);
            }
            return "unexpected argument '" + argument + "'";
        }
        return e.getMessage();
    }

    static String actions(CommandLine command) {
        return "say "
                + command.getSubcommands().keySet().stream()
                        .map(a -> "'" + path(command) + " " + a + "'")
                        .collect(Collectors.joining(" or "));
    }

    private static boolean hasActions(CommandLine command) {
        return !command.getSubcommands().isEmpty();
    }

    private static java.util.List<CommandLine> leaves(CommandLine command) {
        return hasActions(command)
                ? java.util.List.copyOf(command.getSubcommands().values())
                : java.util.List.of(command);
    }

    /** The command's words after ops/hermes: "dlq replay". */
    static String path(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ").replaceFirst("^ops/hermes ?", "");
    }
}
