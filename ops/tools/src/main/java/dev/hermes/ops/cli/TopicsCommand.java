package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `topics create|verify`: the deployment's Kafka topics. */
@Command(
        name = "topics",
        description = "Create the deployment's topics, or verify their layout.",
        subcommands = {TopicsCreateCommand.class, TopicsVerifyCommand.class})
public final class TopicsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }
}
