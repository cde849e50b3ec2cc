package dev.hermes.admin;

import dev.hermes.admin.internal.LegacySchema;
import dev.hermes.admin.internal.MigrationLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's versioned SQL migrations ({@code db/migration/V<n>__<what>.sql}), applied by Flyway: each once,
 * in order, with checksums validated on every run, so a migration edited after it was applied stops the
 * start with a clear error instead of drifting. Workers that start together take turns on a PostgreSQL
 * advisory lock (Flyway's own lock covers the history table only once it exists).
 *
 * <p>Databases migrated by the hand-written tool that came before (table hermes_schema_migrations) have the
 * tables but no Flyway history: they are baselined at version 1, which is what that tool had applied.
 */
public final class Migrations {
    public static final String LOCATION = "classpath:db/migration";
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private final DataSource dataSource;
    private final String location;

    public Migrations(DataSource dataSource) {
        this(dataSource, LOCATION);
    }

    /**
     * {@code dataSource}: unpooled, or a pool with room for three connections (the lock's and Flyway's two).
     * {@code location}: where the migrations are, in Flyway's syntax ({@code classpath:...}).
     */
    public Migrations(DataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    public MigrationOutcome migrate() {
        try (MigrationLock lock = MigrationLock.acquire(dataSource)) {
            return migrate(LegacySchema.needsBaseline(lock.connection()));
        }
    }

    private MigrationOutcome migrate(boolean legacy) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .validateOnMigrate(true)
                .cleanDisabled(true)
                // a schema with tables but no history: either the old tool's (baseline at 1, its last version),
                // or a shared schema with other applications' tables (baseline at 0, then apply V1 as the old
                // tool did)
                .baselineOnMigrate(true)
                .baselineVersion(legacy ? "1" : "0")
                .baselineDescription(legacy ? "taken over from hermes_schema_migrations" : "existing schema")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            if (legacy) {
                log.info(
                        "schema {} was migrated by the old tool (hermes_schema_migrations); baselined at version 1",
                        result.schemaName);
            }
            MigrationInfo current = flyway.info().current();
            return new MigrationOutcome(
                    legacy,
                    result.migrationsExecuted,
                    current == null ? null : current.getVersion().getVersion());
        } catch (FlywayValidateException e) {
            throw new MigrationFailedException(
                    "the database schema does not match this build's migrations in "
                            + location + " (a migration that was applied has been edited since, or is missing): "
                            + e.getMessage() + " Never edit an applied migration; add a new V<n>__ file instead.",
                    e);
        } catch (FlywayException e) {
            throw new MigrationFailedException("migrating the database schema failed: " + e.getMessage(), e);
        }
    }
}
