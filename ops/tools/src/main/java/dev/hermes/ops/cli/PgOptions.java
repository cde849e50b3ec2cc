package dev.hermes.ops.cli;

import dev.hermes.admin.Database;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL a command talks to: from the environment (as the workers read it), or these options. The
 * password only ever comes from the environment ($HERMES_PG_PASSWORD or $HERMES_PG_PASSWORD_FILE), never argv.
 */
public final class PgOptions {
    private final CliEnv env;

    @Option(
            names = "--pg-url",
            paramLabel = "JDBC-URL",
            description =
                    "the settings database (default: $HERMES_PG_URL, else jdbc:postgresql://127.0.0.1:5432/hermes)")
    private String url;

    @Option(names = "--pg-user", paramLabel = "USER", description = "(default: $HERMES_PG_USER, else postgres)")
    private String user;

    public PgOptions(CliContext context) {
        this.env = context.env();
    }

    /** Connects (waiting up to 20 s for a database that is down) and migrates. */
    public Database open() {
        return Database.open(
                url == null ? env.pgUrl() : url,
                user == null ? env.pgUser() : user,
                env.pgPassword(),
                1,
                Duration.ofSeconds(20));
    }
}
