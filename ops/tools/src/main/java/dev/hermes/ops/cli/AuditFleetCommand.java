package dev.hermes.ops.cli;

import dev.hermes.ops.audit.AuditJson;
import dev.hermes.ops.audit.AuditPrinter;
import dev.hermes.ops.audit.AuditReplay;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `audit fleet`: the fleet's summary. */
@Command(name = "fleet", sortOptions = false, sortSynopsis = false, description = "Print a summary of the whole fleet.")
public final class AuditFleetCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private AuditWindow window;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public AuditFleetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var scope = window.scope(null, false);
        new AuditPrinter(new AuditJson())
                .fleet(
                        new AuditReplay(context.clock())
                                .summarise(kafka.kafka(), kafka.topics(), scope, AuditWindow.progress(context)),
                        json.enabled(),
                        context.out());
        return 0;
    }
}
