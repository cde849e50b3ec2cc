package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `account show|set`: a family's identity, the block the seed writes into its MEMORY.md. */
@Command(
        name = "account",
        description = "Show or set a family's identity (the block at the top of its MEMORY.md).",
        subcommands = {AccountShowCommand.class, AccountSetCommand.class})
public final class AccountCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }
}
