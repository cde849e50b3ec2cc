package dev.hermes.ops.cli;

import dev.hermes.admin.DlqSource;
import dev.hermes.schemas.UserId;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * `ops/hermes`: the operator's command line, on picocli. Each command lives in its own class. Exit codes:
 * 0 done, 1 failed (or, for ensure and dlq replay, not everything succeeded), 2 the command line was wrong.
 */
@Command(
        name = "ops/hermes",
        sortOptions = false,
        sortSynopsis = false,
        description = "The operator's command line for a hermes deployment. Configuration comes from the "
                + "environment the workers read (KAFKA_BOOTSTRAP_SERVERS, HERMES_TOPIC_PREFIX, HERMES_PG_URL, "
                + "HERMES_API_KEY_SECRET[_FILE], HERMES_KAFKA_PROPERTIES_FILE, ...; see the README).",
        subcommands = {
            EnsureCommand.class,
            StatusCommand.class,
            ConsoleCommand.class,
            HeartbeatCommand.class,
            ApiKeyCommand.class,
            ForgetCommand.class,
            SettingsCommand.class,
            AccountCommand.class,
            AuditCommand.class,
            DlqCommand.class,
            TopicsCommand.class,
            HostsCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (ensure: a runtime was not ready; dlq replay: a record was skipped)",
            "2:the command line was wrong",
            "3:hosts move: no move failed, but some were still pending at --wait-timeout"
        })
public final class HermesCli implements Runnable {
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "show this help and exit")
    private boolean help;

    public HermesCli(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new UsageException("give a command");
    }

    /** Runs one command line; returns the exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(this, new CliFactory(context));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.registerConverter(UserId.class, new Converters.UserIds());
        cli.registerConverter(DlqSource.class, new Converters.DlqSources());
        cli.registerConverter(Instant.class, new Converters.Times(context));
        cli.registerConverter(Duration.class, new Converters.Durations());
        CliErrors errors = new CliErrors(context.err());
        cli.setParameterExceptionHandler(errors::usage);
        cli.setExecutionExceptionHandler(errors::failure);
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new HermesCli(CliContext.system()).run(args));
    }
}
