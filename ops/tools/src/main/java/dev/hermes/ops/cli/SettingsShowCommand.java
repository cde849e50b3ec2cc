package dev.hermes.ops.cli;

import dev.hermes.admin.Database;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.SettingsStore;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `settings show`: the current global settings; the provider key is never printed. */
@Command(name = "show", description = "Print the current global settings. The provider's API key is never printed.")
public final class SettingsShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public SettingsShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database db = pg.open()) {
            GlobalSettings s = new SettingsStore(db.jdbi()).current();
            if (json.enabled()) {
                JsonOutput.print(
                        JsonOutput.object()
                                .put("version", s.version())
                                .put("provider", s.provider())
                                .put("model", s.model())
                                .put("baseUrl", s.baseUrl())
                                .put("apiKeySet", s.apiKey().isPresent())
                                .put("apiKeyEnv", s.providerKeyEnv())
                                .put("updatedAt", s.updatedAt().toString())
                                .put("updatedBy", s.updatedBy()),
                        context.out());
            } else {
                print(s, context.out());
            }
        }
        return 0;
    }

    private static void print(GlobalSettings s, PrintStream out) {
        out.println("version:    " + s.version());
        out.println("provider:   " + s.provider());
        out.println("model:      " + s.model());
        out.println("base_url:   " + (s.baseUrl() == null ? "(none)" : s.baseUrl()));
        out.println("api_key:    "
                + (s.apiKey().isPresent() ? "<set, redacted> (env " + s.providerKeyEnv() + ")" : "(none)"));
        out.println("updated_at: " + s.updatedAt());
        out.println("updated_by: " + s.updatedBy());
    }
}
