package dev.hermes.ops.cli;

import dev.hermes.admin.Account;
import dev.hermes.admin.AccountAnnouncer;
import dev.hermes.admin.Database;
import dev.hermes.admin.SettingsStore;
import dev.hermes.admin.StoredAccount;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `account set`: publishes AccountUpdated, the path every caller takes; the workers store it and recreate the
 * family's running runtime. Options not given keep their stored value (read from PostgreSQL), so the event
 * still carries the whole identity.
 */
@Command(
        name = "set",
        sortOptions = false,
        sortSynopsis = false,
        description = "Publish a family's identity (AccountUpdated). Workers store it and recreate the family's "
                + "running runtime; its own notes in MEMORY.md are kept. Options left out keep their stored value.")
public final class AccountSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", description = "the family")
    private UserId user;

    @Option(names = "--display-name", paramLabel = "N", description = "the family's name (required the first time)")
    private String displayName;

    @Option(
            names = "--member",
            paramLabel = "M",
            description = "a family member; repeat for each (replaces the stored members)")
    private List<String> members;

    @Option(names = "--timezone", paramLabel = "TZ", description = "an IANA zone such as Europe/Berlin")
    private String timezone;

    @Option(names = "--locale", paramLabel = "L", description = "a BCP 47 tag such as de-DE")
    private String locale;

    @Option(
            names = "--notes-file",
            paramLabel = "FILE|-",
            description = "the notes (at most 4096 characters, newlines allowed), from a file or - for stdin; "
                    + "an empty file clears them")
    private String notesFile;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    @Mixin
    private KafkaOptions kafka;

    public AccountSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Account> stored;
        try (Database db = pg.open()) {
            stored = new SettingsStore(db.jdbi()).storedAccount(user).map(StoredAccount::account);
        }
        String name = displayName != null
                ? displayName
                : stored.map(Account::displayName)
                        .orElseThrow(() ->
                                new UsageException("user " + user + " has no account yet: --display-name is required"));
        Account account = new Account(
                user,
                name,
                timezone != null ? timezone : stored.map(Account::timezone).orElse(null),
                locale != null ? locale : stored.map(Account::locale).orElse(null),
                members != null
                        ? String.join(", ", members)
                        : stored.map(Account::members).orElse(null),
                notesFile != null ? readNotes() : stored.map(Account::notes).orElse(null));
        String by = context.env().get("HERMES_ADMIN", System.getProperty("user.name", "admin"));
        AccountUpdated sent;
        try (KafkaProducer<byte[], byte[]> producer = kafka.kafka().openProducer("ops-cli-account")) {
            sent = new AccountAnnouncer(producer, kafka.topics(), context.clock()).announce(account, by);
        } catch (InvalidEventException e) {
            throw new UsageException(e.getMessage());
        }
        if (json.enabled()) {
            JsonOutput.print(
                    AccountShowCommand.json(account)
                            .put("eventId", sent.eventId().toString())
                            .put("occurredAt", sent.occurredAt().toString())
                            .put("changedBy", by),
                    context.out());
        } else {
            context.out()
                    .println("published AccountUpdated for " + user + "; workers store it and recreate the "
                            + "family's running runtime");
        }
        return 0;
    }

    /** Trailing newlines are dropped; an empty file clears the notes. */
    private String readNotes() throws IOException {
        String text = (notesFile.equals("-")
                        ? new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(notesFile), StandardCharsets.UTF_8))
                .replace("\r\n", "\n")
                .stripTrailing();
        return text.isEmpty() ? null : text;
    }
}
