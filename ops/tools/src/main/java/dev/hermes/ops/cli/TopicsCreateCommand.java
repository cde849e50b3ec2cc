package dev.hermes.ops.cli;

import dev.hermes.admin.TopicAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `topics create [--partitions P] [--replication R]`: creates the hermes topics with their configs (idempotent). */
@Command(
        name = "create",
        sortOptions = false,
        sortSynopsis = false,
        description = "Create the hermes topics with their configs; topics that exist are left as they are. "
                + "Fails when requests and last-active differ in partitions.")
public final class TopicsCreateCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(
            names = "--partitions",
            paramLabel = "P",
            description = "partitions of the keyed topics (default: $HERMES_PARTITIONS, else 24)")
    private Integer partitions;

    @Option(names = "--replication", paramLabel = "R", description = "replication factor (default: 1)")
    private short replication = 1;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public TopicsCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int p = partitions != null ? partitions : Integer.parseInt(context.env().get("HERMES_PARTITIONS", "24"));
        new TopicAdmin(kafka.kafka()).create(kafka.topics(), p, replication);
        if (json.enabled()) {
            JsonOutput.print(
                    JsonOutput.object()
                            .put("prefix", kafka.topics().prefix())
                            .put("partitions", p)
                            .put("replication", replication),
                    context.out());
        } else {
            context.out().println("topics ready: prefix " + kafka.topics().prefix() + ", " + p + " partitions");
        }
        return 0;
    }
}
