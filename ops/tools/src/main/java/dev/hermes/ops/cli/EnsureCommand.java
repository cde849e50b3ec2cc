package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.client.EnsureTimeoutException;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ensure <user-id>...`: one line per user, READY with URL and time, or FAILED with the reason; exit 1 if any failed. */
@Command(
        name = "ensure",
        sortOptions = false,
        sortSynopsis = false,
        description = "Ensure runtimes and wait for them: one line per user, "
                + "'<id> READY <url> <ms> cold|warm' or '<id> FAILED <reason> <message>'. Exit 1 if any failed.")
public final class EnsureCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", arity = "1..*", description = "the families (canonical lowercase UUIDs)")
    private List<UserId> users;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for each (default: 130)")
    private double timeoutSeconds = 130;

    @Option(
            names = "--reply-partition",
            paramLabel = "N",
            description = "the reply partition to read (default: $HERMES_REPLY_PARTITION, else 0)")
    private Integer replyPartition;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public EnsureCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        int partition = replyPartition != null
                ? replyPartition
                : Integer.parseInt(context.env().get("HERMES_REPLY_PARTITION", "0"));
        boolean allReady = true;
        ArrayNode results = JsonOutput.object().arrayNode();
        try (RuntimeClient client = new RuntimeClient(RuntimeClients.config(kafka, "ops-cli", partition))) {
            Map<UserId, CompletableFuture<RuntimeHandle>> pending = new LinkedHashMap<>();
            for (UserId user : users) {
                pending.put(user, client.ensureRuntimeAsync(user, timeout));
            }
            for (Map.Entry<UserId, CompletableFuture<RuntimeHandle>> entry : pending.entrySet()) {
                ObjectNode result =
                        results.addObject().put("userId", entry.getKey().value());
                try {
                    RuntimeHandle h = entry.getValue().join();
                    result.put("status", "READY")
                            .put("url", h.url())
                            .put("elapsedMs", h.elapsed().toMillis())
                            .put("start", h.coldStart() ? "cold" : "warm");
                    print(
                            "%s READY %s %dms %s%n",
                            entry.getKey(), h.url(), h.elapsed().toMillis(), h.coldStart() ? "cold" : "warm");
                } catch (CompletionException e) {
                    allReady = false;
                    Throwable cause = e.getCause();
                    String reason = cause instanceof RuntimeFailedException failed
                            ? failed.reason().toString()
                            : cause instanceof EnsureTimeoutException ? "TIMEOUT" : "ERROR";
                    String message = cause instanceof RuntimeFailedException failed
                            ? failed.failed().message()
                            : cause.getMessage();
                    result.put("status", "FAILED").put("reason", reason).put("message", message);
                    print("%s FAILED %s %s%n", entry.getKey(), reason, message);
                }
            }
        }
        if (json.enabled()) {
            JsonOutput.print(results, context.out());
        }
        return allReady ? 0 : HermesCli.FAILED;
    }

    private void print(String format, Object... args) {
        if (!json.enabled()) {
            context.out().printf(format, args);
        }
    }
}
