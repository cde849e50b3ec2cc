package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.Account;
import dev.hermes.admin.Database;
import dev.hermes.admin.SettingsStore;
import dev.hermes.admin.StoredAccount;
import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `account show`: the family's stored identity, as the workers read it from PostgreSQL. */
@Command(name = "show", description = "Print a family's stored identity (from PostgreSQL). Exits 1 if it has none.")
public final class AccountShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", description = "the family")
    private UserId user;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public AccountShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<StoredAccount> stored;
        try (Database db = pg.open()) {
            stored = new SettingsStore(db.jdbi()).storedAccount(user);
        }
        if (stored.isEmpty()) {
            context.err().println("user " + user + " has no account (the block reads \"(no account record)\")");
            return 1;
        }
        StoredAccount s = stored.get();
        if (json.enabled()) {
            JsonOutput.print(
                    json(s.account()).put("updatedAt", s.updatedAt().toString()).put("updatedBy", s.updatedBy()),
                    context.out());
        } else {
            print(s, context.out());
        }
        return 0;
    }

    static ObjectNode json(Account a) {
        return JsonOutput.object()
                .put("userId", a.userId().value())
                .put("displayName", a.displayName())
                .put("members", a.members())
                .put("timezone", a.timezone())
                .put("locale", a.locale())
                .put("notes", a.notes());
    }

    private static void print(StoredAccount s, PrintStream out) {
        Account a = s.account();
        out.println("user_id:      " + a.userId().value());
        out.println("display_name: " + a.displayName());
        out.println("members:      " + orNone(a.members()));
        out.println("timezone:     " + orNone(a.timezone()));
        out.println("locale:       " + orNone(a.locale()));
        out.println("updated_at:   " + s.updatedAt());
        out.println("updated_by:   " + orNone(s.updatedBy()));
        out.println("notes:        " + (a.notes() == null ? "(none)" : ""));
        if (a.notes() != null) {
            a.notes().lines().forEach(line -> out.println("  " + line));
        }
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
