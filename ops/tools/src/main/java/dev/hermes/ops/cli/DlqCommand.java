package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `dlq list|replay`: shows the dead-lettered records with the reason the worker gave, and puts records back
 * on the topic they came from once the cause is fixed. Reads with assign() and seek: no group, no commits.
 */
@Command(
        name = "dlq",
        description = "List the dead-lettered records, or put them back where they came from.",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public final class DlqCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }
}
