package dev.hermes.ops.cli;

import dev.hermes.ops.audit.ReplayProgress;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.ops.audit.TerminalProgress;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The time window of an audit ({@code --since}, {@code --until}) and its progress display. */
public final class AuditWindow {
    @Option(names = "--since", paramLabel = "T", description = "from this time (default: the beginning)")
    private Instant since;

    @Option(names = "--until", paramLabel = "T", description = "up to this time (default: now)")
    private Instant until;

    ReplayScope scope(UserId user, boolean allPartitions) {
        try {
            return user == null ? ReplayScope.fleet(since, until) : new ReplayScope(user, since, until, allPartitions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static ReplayProgress progress(CliContext context) {
        return context.terminal() ? new TerminalProgress(context.err(), context.clock()) : ReplayProgress.silent();
    }
}
