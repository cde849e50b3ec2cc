package dev.hermes.ops.cli;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.worker.reply.EventPublisher;
import dev.hermes.worker.settings.Database;
import dev.hermes.worker.settings.GlobalSettings;
import dev.hermes.worker.settings.Secret;
import dev.hermes.worker.settings.SettingsStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * `settings set|show`: the admin's global LLM settings. The key is read from a file or stdin, never
 * argv (argv is visible in ps and shell history). A save commits to PostgreSQL first, then publishes
 * SettingsChanged; if that publish fails, workers still converge by their periodic version check.
 */
public final class SettingsCommand implements Command {
    private final InputStream stdin;

    public SettingsCommand() {
        this(System.in);
    }

    public SettingsCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String usage() {
        return "settings show | settings set --provider P --model M [--base-url U] --api-key-file FILE|-";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("say 'show' or 'set'");
        }
        try (Database db = Database.open(env.pgUrl(), env.pgUser(), env.pgPassword(), 1, Duration.ofSeconds(20))) {
            SettingsStore store = new SettingsStore(db.jdbi());
            if (args.get(0).equals("show")) {
                show(store.current(), out);
                return 0;
            }
            if (!args.get(0).equals("set")) {
                throw new UsageException("unknown settings action '" + args.get(0) + "'");
            }
            return set(args.subList(1, args.size()), env, store, out, err);
        }
    }

    private int set(List<String> args, CliEnv env, SettingsStore store, PrintStream out, PrintStream err)
            throws IOException {
        String provider = null;
        String model = null;
        String baseUrl = null;
        String keyFile = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--provider" -> provider = EnsureCommand.next(args, ++i);
                case "--model" -> model = EnsureCommand.next(args, ++i);
                case "--base-url" -> baseUrl = EnsureCommand.next(args, ++i);
                case "--api-key-file" -> keyFile = EnsureCommand.next(args, ++i);
                case "--api-key" -> throw new UsageException("--api-key is refused: a key on the command line leaks "
                        + "into ps and shell history; use --api-key-file FILE or --api-key-file - (stdin)");
                default -> throw new UsageException("unknown option " + args.get(i));
            }
        }
        if (provider == null || model == null || keyFile == null) {
            throw new UsageException("--provider, --model and --api-key-file are required");
        }
        String key = (keyFile.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(keyFile), StandardCharsets.UTF_8)).strip();
        if (key.isEmpty()) {
            throw new UsageException("the API key file is empty");
        }
        String by = env.get("HERMES_ADMIN", System.getProperty("user.name", "admin"));
        GlobalSettings saved = store.save(provider, model, baseUrl, new Secret(key), by);
        out.println("saved settings version " + saved.version());
        try (EventPublisher publisher = new EventPublisher(env.bootstrapServers(), "ops-cli", env.topics(),
                new EventCodec())) {
            publisher.settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), saved.version(), by))
                    .get(15, TimeUnit.SECONDS);
            out.println("published SettingsChanged(" + saved.version() + "); workers recreate active runtimes now");
        } catch (Exception e) {
            err.println("warning: could not publish SettingsChanged (" + e.getClass().getSimpleName()
                    + "); the change is saved and workers pick it up at their next version check "
                    + "(HERMES_SETTINGS_POLL_SEC)");
        }
        return 0;
    }

    private static void show(GlobalSettings s, PrintStream out) {
        out.println("version:    " + s.version());
        out.println("provider:   " + s.provider());
        out.println("model:      " + s.model());
        out.println("base_url:   " + (s.baseUrl() == null ? "(none)" : s.baseUrl()));
        out.println("api_key:    " + (s.apiKey().isPresent() ? "<set, redacted> (env " + s.providerKeyEnv() + ")"
                : "(none)"));
        out.println("updated_at: " + s.updatedAt());
        out.println("updated_by: " + s.updatedBy());
    }
}
