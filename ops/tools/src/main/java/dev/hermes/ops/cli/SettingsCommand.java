package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `settings show|set`: the admin's global LLM settings in PostgreSQL. */
@Command(
        name = "settings",
        description = "Show or change the fleet's global LLM settings.",
        subcommands = {SettingsShowCommand.class, SettingsSetCommand.class})
public final class SettingsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }
}
