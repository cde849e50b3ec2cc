package dev.hermes.ops.cli;

import dev.hermes.ops.audit.ReplayConsumers;
import dev.hermes.ops.audit.dlq.DlqPrinter;
import dev.hermes.ops.audit.dlq.DlqReader;
import dev.hermes.ops.audit.dlq.DlqRecord;
import dev.hermes.ops.audit.dlq.DlqReplayPlan;
import dev.hermes.ops.audit.dlq.DlqReplayer;
import dev.hermes.ops.audit.dlq.DlqSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * `dlq list|replay`: shows the dead-lettered records with the reason the worker gave, and puts records back
 * on the topic they came from once the cause is fixed. Reads with assign() and seek: no group, no commits.
 */
public final class DlqCommand implements Command {
    private final Clock clock;

    public DlqCommand() {
        this(Clock.systemUTC());
    }

    public DlqCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dlq";
    }

    @Override
    public String usage() {
        return "dlq list [--limit N] [--json] | dlq replay (--source TOPIC-PARTITION@OFFSET | --all) [--dry-run]";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !List.of("list", "replay").contains(args.get(0))) {
            throw new UsageException("say 'dlq list' or 'dlq replay'");
        }
        return args.get(0).equals("list") ? list(args, env, out) : replay(args, env, out);
    }

    private int list(List<String> args, CliEnv env, PrintStream out) {
        int limit = Integer.MAX_VALUE;
        boolean json = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--limit" -> limit = positive(EnsureCommand.next(args, ++i));
                case "--json" -> json = true;
                default -> throw new UsageException("unexpected argument '" + args.get(i) + "'");
            }
        }
        List<DlqRecord> dlq = read(env);
        new DlqPrinter().list(env.topics().dlq(), dlq.subList(0, Math.min(limit, dlq.size())), dlq.size(), json, out);
        return 0;
    }

    private int replay(List<String> args, CliEnv env, PrintStream out) {
        DlqSource source = null;
        boolean all = false;
        boolean dryRun = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--source" -> source = sourceOf(EnsureCommand.next(args, ++i));
                case "--all" -> all = true;
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unexpected argument '" + args.get(i) + "'");
            }
        }
        if (all == (source != null)) {
            throw new UsageException("give either --source TOPIC-PARTITION@OFFSET or --all");
        }
        List<DlqRecord> dlq = read(env);
        DlqReplayPlan plan = all ? DlqReplayPlan.all(dlq, env.topics())
                : DlqReplayPlan.forSource(dlq, source, env.topics());
        if (plan.isEmpty()) {
            out.println(all ? env.topics().dlq() + " is empty; nothing to replay"
                    : "no record in " + env.topics().dlq() + " has source " + source);
            return all ? 0 : 1;
        }
        if (dryRun) {
            plan.sends().forEach(s -> out.println("would replay " + s.record().at() + " (source " + s.to()
                    + ") -> " + s.to().topic() + "-" + s.to().partition()));
        } else if (!plan.sends().isEmpty()) {
            try (DlqReplayer replayer = new DlqReplayer(env.bootstrapServers())) {
                plan.sends().forEach(s -> out.println("replayed " + s.record().at() + " (source " + s.to()
                        + ") -> " + replayer.replay(s.record(), s.to())));
            }
        }
        plan.skips().forEach(s -> out.println("skipped " + s.record().at() + ": " + s.why()));
        out.println((dryRun ? "dry run: would replay " : "replayed ") + plan.sends().size() + ", skipped "
                + plan.skips().size() + (plan.duplicatesIgnored() == 0 ? "" : ", ignored " + plan.duplicatesIgnored()
                + " older DLQ record(s) of a source replayed from its newest"));
        return plan.skips().isEmpty() ? 0 : 1;
    }

    private List<DlqRecord> read(CliEnv env) {
        return new DlqReader(new ReplayConsumers(env.bootstrapServers()), clock).readAll(env.topics().dlq());
    }

    private static DlqSource sourceOf(String text) {
        try {
            return DlqSource.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--limit needs a positive number, got '" + text + "'");
    }
}
