package dev.hermes.ops.cli;

import dev.hermes.ops.audit.AuditJson;
import dev.hermes.ops.audit.AuditPrinter;
import dev.hermes.ops.audit.AuditReplay;
import dev.hermes.ops.audit.ReplayProgress;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.ops.audit.TerminalProgress;
import dev.hermes.ops.audit.TimeArgument;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * `audit user|fleet`: replays the lifecycle events topic (assign + seek; no consumer group, no commits) and
 * prints a user's timeline or a fleet summary, as text or one JSON document. Progress goes to stderr, and
 * only when stderr is a terminal.
 */
public final class AuditCommand implements Command {
    private final Clock clock;
    private final boolean progressOnTerminal;

    public AuditCommand() {
        this(Clock.systemUTC(), System.console() != null);
    }

    public AuditCommand(Clock clock, boolean progressOnTerminal) {
        this.clock = clock;
        this.progressOnTerminal = progressOnTerminal;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit user <user-id> [--since T] [--until T] [--all-partitions] [--json] | "
                + "audit fleet [--since T] [--until T] [--json]   (T: 2026-11-20T00:00:00Z, 2026-11-20, 24h, 7d, 30m)";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !List.of("user", "fleet").contains(args.get(0))) {
            throw new UsageException("say 'audit user <user-id>' or 'audit fleet'");
        }
        boolean fleet = args.get(0).equals("fleet");
        TimeArgument time = new TimeArgument(clock);
        UserId user = null;
        Instant since = null;
        Instant until = null;
        boolean json = false;
        boolean allPartitions = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--since" -> since = timeOf(time, EnsureCommand.next(args, ++i));
                case "--until" -> until = timeOf(time, EnsureCommand.next(args, ++i));
                case "--json" -> json = true;
                case "--all-partitions" -> allPartitions = true;
                default -> {
                    if (fleet || arg.startsWith("--") || user != null) {
                        throw new UsageException("unexpected argument '" + arg + "'");
                    }
                    user = userOf(arg);
                }
            }
        }
        if (!fleet && user == null) {
            throw new UsageException("give the user id");
        }
        ReplayScope scope = scopeOf(user, since, until, allPartitions);
        ReplayProgress progress = progressOnTerminal ? new TerminalProgress(err, clock) : ReplayProgress.silent();
        AuditReplay replay = new AuditReplay(clock);
        AuditPrinter printer = new AuditPrinter(new AuditJson());
        if (fleet) {
            printer.fleet(replay.summarise(env.bootstrapServers(), env.topics(), scope, progress), json, out);
        } else {
            printer.timeline(replay.user(env.bootstrapServers(), env.topics(), scope, progress), json, out);
        }
        return 0;
    }

    private static ReplayScope scopeOf(UserId user, Instant since, Instant until, boolean allPartitions) {
        try {
            return user == null ? ReplayScope.fleet(since, until) : new ReplayScope(user, since, until, allPartitions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Instant timeOf(TimeArgument time, String text) {
        try {
            return time.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static UserId userOf(String text) {
        try {
            return UserId.of(text);
        } catch (InvalidUserIdException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
