package dev.hermes.ops.cli;

import dev.hermes.ops.audit.AuditJson;
import dev.hermes.ops.audit.AuditPrinter;
import dev.hermes.ops.audit.AuditReplay;
import dev.hermes.schemas.UserId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `audit user <user-id>`: one family's timeline. */
@Command(name = "user", sortOptions = false, sortSynopsis = false, description = "Print one family's timeline.")
public final class AuditUserCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", description = "the family")
    private UserId user;

    @Mixin
    private AuditWindow window;

    @Option(names = "--all-partitions", description = "read every partition, not only the family's own")
    private boolean allPartitions;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public AuditUserCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var scope = window.scope(user, allPartitions);
        new AuditPrinter(new AuditJson())
                .timeline(
                        new AuditReplay(context.clock())
                                .user(kafka.kafka(), kafka.topics(), scope, AuditWindow.progress(context)),
                        json.enabled(),
                        context.out());
        return 0;
    }
}
