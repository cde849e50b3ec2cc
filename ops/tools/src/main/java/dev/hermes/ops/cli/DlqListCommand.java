package dev.hermes.ops.cli;

import dev.hermes.admin.DeadLetters;
import dev.hermes.admin.DlqRecord;
import dev.hermes.ops.audit.dlq.DlqPrinter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `dlq list`: every record in the DLQ, oldest first, with the worker's reason. */
@Command(
        name = "list",
        sortOptions = false,
        sortSynopsis = false,
        description = "Print the DLQ's records, oldest first, with the reason the worker gave.")
public final class DlqListCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--limit", paramLabel = "N", description = "show only the oldest N")
    private Integer limit;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public DlqListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new UsageException("--limit needs a positive number, got '" + limit + "'");
        }
        DeadLetters deadLetters = new DeadLetters(kafka.kafka(), kafka.topics(), context.clock());
        List<DlqRecord> dlq = deadLetters.list();
        int shown = limit == null ? dlq.size() : Math.min(limit, dlq.size());
        new DlqPrinter().list(deadLetters.topic(), dlq.subList(0, shown), dlq.size(), json.enabled(), context.out());
        return 0;
    }
}
