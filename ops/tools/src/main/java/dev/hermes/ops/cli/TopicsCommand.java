package dev.hermes.ops.cli;

import dev.hermes.worker.TopicSetup;
import java.io.PrintStream;
import java.util.List;

/** `topics create [--partitions P] [--replication R]`: creates the hermes topics with their configs (idempotent). */
public final class TopicsCommand implements Command {
    @Override
    public String name() {
        return "topics";
    }

    @Override
    public String usage() {
        return "topics create [--partitions P] [--replication R]";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("create")) {
            throw new UsageException("only 'topics create' is supported");
        }
        int partitions = Integer.parseInt(env.get("HERMES_PARTITIONS", "24"));
        short replication = 1;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--partitions" -> partitions = Integer.parseInt(EnsureCommand.next(args, ++i));
                case "--replication" -> replication = Short.parseShort(EnsureCommand.next(args, ++i));
                default -> throw new UsageException("unknown option " + args.get(i));
            }
        }
        TopicSetup.create(env.bootstrapServers(), env.topics(), partitions, replication);
        out.println("topics ready: prefix " + env.topics().prefix() + ", " + partitions + " partitions");
        return 0;
    }
}
