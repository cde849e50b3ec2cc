package dev.hermes.ops.cli;

import dev.hermes.admin.TopicAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `topics verify`: the requests and last-active topics have the same number of partitions (exit 1 if not). */
@Command(
        name = "verify",
        description = "Check that the requests and last-active topics exist and have the same "
                + "number of partitions (a family's state lives on the partition of the same number). Exit 1 if not.")
public final class TopicsVerifyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public TopicsVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new TopicAdmin(kafka.kafka()).verifyCopartitioned(kafka.topics());
        if (json.enabled()) {
            JsonOutput.print(
                    JsonOutput.object().put("prefix", kafka.topics().prefix()).put("verified", true), context.out());
        } else {
            context.out().println("topics verified: prefix " + kafka.topics().prefix());
        }
        return 0;
    }
}
