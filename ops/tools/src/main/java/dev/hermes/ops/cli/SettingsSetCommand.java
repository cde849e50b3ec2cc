package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.Database;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsAnnouncer;
import dev.hermes.admin.SettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `settings set`: saves new global settings. The key is read from a file or stdin, never argv (argv is
 * visible in ps and shell history). A save commits to PostgreSQL first, then announces SettingsChanged; if
 * that fails, workers still converge by their periodic version check. With {@code --wait} it then watches the
 * fleet's recreate until it has converged ({@link RecreateWaitOptions}).
 */
@Command(
        name = "set",
        sortOptions = false,
        sortSynopsis = false,
        description = "Save new global settings (a new version), then announce them so workers recreate active "
                + "runtimes now. The API key is read from a file or stdin, never from the command line.")
public final class SettingsSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", required = true, paramLabel = "P", description = "openrouter, anthropic, ...")
    private String provider;

    @Option(names = "--model", required = true, paramLabel = "M", description = "the model name")
    private String model;

    @Option(names = "--base-url", paramLabel = "U", description = "the provider's API base URL")
    private String baseUrl;

    @Option(
            names = "--api-key-file",
            required = true,
            paramLabel = "FILE|-",
            description = "the file that holds the provider's API key, or - for stdin")
    private String keyFile;

    @Mixin
    private RecreateWaitOptions recreateWait;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    @Mixin
    private KafkaOptions kafka;

    public SettingsSetCommand(CliContext context) {
        this.context = context;
    }

    /** Refused, and the value is never echoed: a key on the command line leaks into ps and shell history. */
    @Option(names = "--api-key", hidden = true, paramLabel = "KEY")
    void refuseKeyOnTheCommandLine(String ignored) {
        // a ParameterException: picocli would quote the value in the message of any other exception
        throw new ParameterException(
                spec.commandLine(),
                "--api-key is refused: a key on the command line leaks into ps and shell history; "
                        + "use --api-key-file FILE or --api-key-file - (stdin)");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String key = (keyFile.equals("-")
                        ? new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(keyFile), StandardCharsets.UTF_8))
                .strip();
        if (key.isEmpty()) {
            throw new UsageException("the API key file is empty");
        }
        String by = context.env().get("HERMES_ADMIN", System.getProperty("user.name", "admin"));
        Instant changedAt = context.clock().instant();
        GlobalSettings saved;
        try (Database db = pg.open()) {
            saved = new SettingsStore(db.jdbi()).save(provider, model, baseUrl, new Secret(key), by);
        }
        if (!json.enabled()) {
            context.out().println("saved settings version " + saved.version());
        }
        boolean announced = announce(saved);
        ObjectNode document = json.enabled()
                ? JsonOutput.object().put("version", saved.version()).put("announced", announced)
                : null;
        int code = recreateWait.enabled() ? recreateWait.await(saved.version(), changedAt, kafka, document) : 0;
        if (document != null) {
            JsonOutput.print(document, context.out());
        }
        return code;
    }

    private boolean announce(GlobalSettings saved) {
        try (KafkaProducer<byte[], byte[]> producer = kafka.kafka().openProducer("ops-cli-settings")) {
            new SettingsAnnouncer(producer, kafka.topics(), context.clock()).announce(saved);
            if (!json.enabled()) {
                context.out()
                        .println("published SettingsChanged(" + saved.version()
                                + "); workers recreate active runtimes now");
            }
            return true;
        } catch (Exception e) {
            context.err()
                    .println("warning: could not publish SettingsChanged ("
                            + e.getClass().getSimpleName()
                            + "); the change is saved and workers pick it up at their next version check "
                            + "(HERMES_SETTINGS_POLL_SEC)");
            return false;
        }
    }
}
