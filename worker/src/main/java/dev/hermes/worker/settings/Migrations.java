package dev.hermes.worker.settings;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations from {@code db/migration/} (listed in index.txt, applied in order, each
 * once). An advisory lock makes workers that start together take turns.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final long LOCK_KEY = 0x4845524d4553L; // "HERMES"
    private final Jdbi jdbi;

    Migrations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void migrate() {
        List<String> scripts = resource("index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        jdbi.useHandle(handle -> {
            handle.execute("SELECT pg_advisory_lock(?)", LOCK_KEY);
            try {
                handle.execute("CREATE TABLE IF NOT EXISTS hermes_schema_migrations ("
                        + "version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
                for (String script : scripts) {
                    apply(handle, script);
                }
            } finally {
                handle.execute("SELECT pg_advisory_unlock(?)", LOCK_KEY);
            }
        });
    }

    private void apply(Handle handle, String script) {
        boolean applied = handle.createQuery("SELECT count(*) FROM hermes_schema_migrations WHERE version = ?")
                .bind(0, script).mapTo(Integer.class).one() > 0;
        if (applied) {
            return;
        }
        handle.useTransaction(tx -> {
            tx.createScript(resource(script)).execute();
            tx.execute("INSERT INTO hermes_schema_migrations (version) VALUES (?)", script);
        });
        log.info("applied migration {}", script);
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            if (in == null) {
                throw new HermesException("migration resource db/migration/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HermesException("cannot read migration " + name, e);
        }
    }
}
