package dev.hermes.ops.cli;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeClientConfig;
import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `heartbeat <user-id>...`: sends one Heartbeat per user (fire-and-forget for the worker; acked by Kafka here). */
public final class HeartbeatCommand implements Command {
    @Override
    public String name() {
        return "heartbeat";
    }

    @Override
    public String usage() {
        return "heartbeat [--device ID] <user-id>...";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) throws Exception {
        String device = "ops-cli";
        List<String> rest = args;
        if (!args.isEmpty() && args.get(0).equals("--device")) {
            device = EnsureCommand.next(args, 1);
            rest = args.subList(2, args.size());
        }
        if (rest.isEmpty()) {
            throw new UsageException("give at least one user id");
        }
        List<UserId> users = rest.stream().map(UserId::of).toList();
        try (RuntimeClient client = new RuntimeClient(RuntimeClientConfig.of(env.bootstrapServers(), "ops-cli")
                .withTopics(env.topics()))) {
            for (UserId user : users) {
                client.heartbeat(user, device).get(30, TimeUnit.SECONDS);
                out.println(user + " HEARTBEAT sent");
            }
        }
        return 0;
    }
}
