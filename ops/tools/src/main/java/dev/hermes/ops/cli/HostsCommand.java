package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `hosts list|drain|undrain|move`: the Docker hosts of HERMES_DOCKER_HOSTS, which take no new families, and moving
 * stopped families off one.
 */
@Command(
        name = "hosts",
        description = "List the Docker hosts (HERMES_DOCKER_HOSTS), drain or undrain one (a drained host gets no "
                + "new families; its families stay; workers re-read drains every 5 s), and move the stopped "
                + "families off one.",
        subcommands = {
            HostsListCommand.class,
            HostsDrainCommand.class,
            HostsUndrainCommand.class,
            HostsMoveCommand.class
        })
public final class HostsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }

    /** What drain and undrain print: the host's state now and whether the command changed it. */
    static void printChange(
            CliContext context, JsonOutput json, String host, String state, boolean changed, String text) {
        if (json.enabled()) {
            JsonOutput.print(
                    JsonOutput.object().put("name", host).put("state", state).put("changed", changed), context.out());
        } else {
            context.out().println(host + text);
        }
    }
}
