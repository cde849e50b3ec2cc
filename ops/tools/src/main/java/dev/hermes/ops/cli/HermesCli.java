package dev.hermes.ops.cli;

import dev.hermes.schemas.HermesException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `ops/hermes`: the operator's command line. Each subcommand lives in its own class. */
public final class HermesCli {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public HermesCli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public static HermesCli standard() {
        return new HermesCli(List.of(new EnsureCommand(), new HeartbeatCommand(), new ApiKeyCommand(),
                new ForgetCommand(), new SettingsCommand(), new AuditCommand(), new DlqCommand(),
                new TopicsCommand()));
    }

    public int run(String[] args, CliEnv env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), env, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("usage: ops/hermes " + command.usage());
            return 2;
        } catch (HermesException e) {
            err.println(command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println(command.name() + " failed: " + e);
            return 1;
        }
    }

    private void usage(PrintStream out) {
        out.println("usage: ops/hermes <command> [args]");
        commands.values().forEach(c -> out.println("  " + c.usage()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(args, new CliEnv(System.getenv()), System.out, System.err));
    }
}
