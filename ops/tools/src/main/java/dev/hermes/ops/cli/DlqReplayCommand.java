package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.DeadLetters;
import dev.hermes.admin.DlqReplayPlan;
import dev.hermes.admin.DlqReplayer;
import dev.hermes.admin.DlqSource;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `dlq replay`: puts DLQ records back on the topic and partition they were read from. Exit 1 when a record
 * was skipped, or when no record has the given source.
 */
@Command(
        name = "replay",
        sortOptions = false,
        sortSynopsis = false,
        description = "Put DLQ records back where they were read from (same topic, partition, key, value and "
                + "headers). A source dead-lettered more than once is replayed once, from its newest record. "
                + "Exit 1 when a record was skipped or none has the given source.")
public final class DlqReplayCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(
            names = "--source",
            paramLabel = "TOPIC-PARTITION@OFFSET",
            description = "the record read from there (as its hermes.dlq.source header says)")
    private DlqSource source;

    @Option(names = "--all", description = "every record in the DLQ")
    private boolean all;

    @Option(names = "--dry-run", description = "say what would be replayed, and send nothing")
    private boolean dryRun;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public DlqReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (all == (source != null)) {
            throw new UsageException("give either --source TOPIC-PARTITION@OFFSET or --all");
        }
        DeadLetters deadLetters = new DeadLetters(kafka.kafka(), kafka.topics(), context.clock());
        DlqReplayPlan plan = deadLetters.plan(deadLetters.list(), source);
        ObjectNode report =
                JsonOutput.object().put("topic", deadLetters.topic()).put("dryRun", dryRun);
        ArrayNode sent = report.putArray(dryRun ? "wouldReplay" : "replayed");
        if (plan.isEmpty()) {
            text(
                    all
                            ? deadLetters.topic() + " is empty; nothing to replay"
                            : "no record in " + deadLetters.topic() + " has source " + source);
        } else if (dryRun) {
            plan.sends().forEach(s -> {
                sent.addObject().put("dlq", s.record().at().toString()).put("source", s.to().toString());
                text("would replay " + s.record().at() + " (source " + s.to() + ") -> " + s.to().topic() + "-"
                        + s.to().partition());
            });
        } else if (!plan.sends().isEmpty()) {
            try (DlqReplayer replayer = deadLetters.replayer()) {
                plan.sends().forEach(s -> {
                    DlqSource landed = replayer.replay(s.record(), s.to());
                    sent.addObject()
                            .put("dlq", s.record().at().toString())
                            .put("source", s.to().toString())
                            .put("landed", landed.toString());
                    text("replayed " + s.record().at() + " (source " + s.to() + ") -> " + landed);
                });
            }
        }
        ArrayNode skipped = report.putArray("skipped");
        plan.skips().forEach(s -> {
            skipped.addObject().put("dlq", s.record().at().toString()).put("why", s.why());
            text("skipped " + s.record().at() + ": " + s.why());
        });
        report.put("duplicatesIgnored", plan.duplicatesIgnored());
        if (!plan.isEmpty()) {
            text((dryRun ? "dry run: would replay " : "replayed ")
                    + plan.sends().size() + ", skipped "
                    + plan.skips().size()
                    + (plan.duplicatesIgnored() == 0
                            ? ""
                            : ", ignored " + plan.duplicatesIgnored()
                                    + " older DLQ record(s) of a source replayed from its newest"));
        }
        if (json.enabled()) {
            JsonOutput.print(report, context.out());
        }
        if (plan.isEmpty()) {
            return all ? 0 : HermesCli.FAILED;
        }
        return plan.skips().isEmpty() ? 0 : HermesCli.FAILED;
    }

    private void text(String line) {
        PrintStream out = context.out();
        if (!json.enabled()) {
            out.println(line);
        }
    }
}
