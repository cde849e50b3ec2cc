package dev.hermes.ops.cli;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeClientConfig;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** `ensure <user-id>...`: one line per user, READY with URL and time, or FAILED with the reason; exit 1 if any failed. */
public final class EnsureCommand implements Command {
    @Override
    public String name() {
        return "ensure";
    }

    @Override
    public String usage() {
        return "ensure [--timeout SECONDS] [--reply-partition N] <user-id>...";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) {
        Duration timeout = Duration.ofSeconds(130);
        int replyPartition = Integer.parseInt(env.get("HERMES_REPLY_PARTITION", "0"));
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--timeout" -> timeout = Duration.ofMillis(Math.round(Double.parseDouble(next(args, ++i)) * 1000));
                case "--reply-partition" -> replyPartition = Integer.parseInt(next(args, ++i));
                default -> users.add(UserId.of(args.get(i)));
            }
        }
        if (users.isEmpty()) {
            throw new UsageException("give at least one user id");
        }
        RuntimeClientConfig config = RuntimeClientConfig.of(env.bootstrapServers(), "ops-cli")
                .withTopics(env.topics()).withReplyPartition(replyPartition);
        boolean allReady = true;
        try (RuntimeClient client = new RuntimeClient(config)) {
            Map<UserId, CompletableFuture<RuntimeHandle>> pending = new LinkedHashMap<>();
            for (UserId user : users) {
                pending.put(user, client.ensureRuntimeAsync(user, timeout));
            }
            for (Map.Entry<UserId, CompletableFuture<RuntimeHandle>> entry : pending.entrySet()) {
                try {
                    RuntimeHandle h = entry.getValue().join();
                    out.printf("%s READY %s %dms %s%n", entry.getKey(), h.url(), h.elapsed().toMillis(),
                            h.coldStart() ? "cold" : "warm");
                } catch (CompletionException e) {
                    allReady = false;
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeFailedException failed) {
                        out.printf("%s FAILED %s %s%n", entry.getKey(), failed.reason(), failed.failed().message());
                    } else {
                        String reason = cause instanceof dev.hermes.client.EnsureTimeoutException ? "TIMEOUT" : "ERROR";
                        out.printf("%s FAILED %s %s%n", entry.getKey(), reason, cause.getMessage());
                    }
                }
            }
        } catch (HermesException e) {
            throw e;
        }
        return allReady ? 0 : 1;
    }

    static String next(List<String> args, int i) {
        if (i >= args.size()) {
            throw new UsageException("option " + args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }
}
