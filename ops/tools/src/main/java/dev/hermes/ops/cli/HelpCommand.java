package dev.hermes.ops.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `help [command...]`: the same as `[command...] --help`. */
@Command(name = "help", helpCommand = true, description = "Show the help of ops/hermes or of a command.")
public final class HelpCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, e.g. 'dlq replay'")
    private List<String> words = List.of();

    @Override
    public void run() {
        CommandLine command = spec.parent().commandLine();
        for (String word : words) {
            CommandLine next = command.getSubcommands().get(word);
            if (next == null) {
                throw new UsageException("unknown command '" + String.join(" ", words) + "'");
            }
            command = next;
        }
        command.usage(spec.commandLine().getOut());
    }
}
