package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `heartbeat <user-id>...`: sends one Heartbeat per user (fire-and-forget for the worker; acked by Kafka here). */
@Command(
        name = "heartbeat",
        sortOptions = false,
        sortSynopsis = false,
        description = "Send one Heartbeat per user (the worker does not answer; Kafka acks it here): "
                + "'<id> HEARTBEAT sent'.")
public final class HeartbeatCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", arity = "1..*", description = "the families")
    private List<UserId> users;

    @Option(names = "--device", paramLabel = "ID", description = "the device the heartbeat is from (default: ops-cli)")
    private String device = "ops-cli";

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public HeartbeatCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ArrayNode sent = JsonOutput.object().arrayNode();
        try (RuntimeClient client = new RuntimeClient(RuntimeClients.config(kafka, "ops-cli", 0))) {
            for (UserId user : users) {
                client.heartbeat(user, device).get(30, TimeUnit.SECONDS);
                sent.addObject()
                        .put("userId", user.value())
                        .put("device", device)
                        .put("heartbeat", "sent");
                if (!json.enabled()) {
                    context.out().println(user + " HEARTBEAT sent");
                }
            }
        }
        if (json.enabled()) {
            JsonOutput.print(sent, context.out());
        }
        return 0;
    }
}
