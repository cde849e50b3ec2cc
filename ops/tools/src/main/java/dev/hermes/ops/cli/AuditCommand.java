package dev.hermes.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `audit user|fleet`: replays the lifecycle events topic (assign + seek; no consumer group, no commits) and
 * prints a user's timeline or a fleet summary, as text or one JSON document. Progress goes to stderr, and
 * only when stderr is a terminal.
 */
@Command(
        name = "audit",
        description = "Replay the lifecycle events topic into a user's timeline or a fleet "
                + "summary (no consumer group, no commits). Times T: 2026-11-20T00:00:00Z, 2026-11-20, 24h, 7d, 30m.",
        subcommands = {AuditUserCommand.class, AuditFleetCommand.class})
public final class AuditCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException(CliErrors.actions(spec.commandLine()));
    }
}
