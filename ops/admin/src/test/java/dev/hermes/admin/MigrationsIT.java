package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flyway on real PostgreSQL, each test in a fresh schema of its own. */
class MigrationsIT {
    private final TestSchema schema = TestSchema.create();

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Test
    void aFreshSchemaGetsEveryVersionWithItsDefaultSettingsOnceAndAChecksum() {
        MigrationOutcome first = new Migrations(schema.dataSource()).migrate();
        MigrationOutcome second = new Migrations(schema.dataSource()).migrate();

        assertThat(first).isEqualTo(new MigrationOutcome(false, 4, "4"));
        assertThat(second).isEqualTo(new MigrationOutcome(false, 0, "4"));
        assertThat(schema.count("SELECT version FROM global_settings WHERE id = 1 AND provider = 'openrouter'"))
                .isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success "
                        + "AND checksum IS NOT NULL AND type = 'SQL'"))
                .isEqualTo(1);
    }

    @Test
    void aDatabaseMigratedByTheOldToolIsBaselinedAtVersionOneAndKeepsItsData() throws IOException {
        migrateTheWayTheOldToolDid();
        schema.execute("UPDATE global_settings SET version = 5, model = 'kept-model' WHERE id = 1");

        MigrationOutcome outcome = new Migrations(schema.dataSource()).migrate();
        MigrationOutcome again = new Migrations(schema.dataSource()).migrate();

        assertThat(outcome).isEqualTo(new MigrationOutcome(true, 3, "4"));
        assertThat(again).isEqualTo(new MigrationOutcome(false, 0, "4"));
        assertThat(schema.count("SELECT version FROM global_settings WHERE model = 'kept-model'"))
                .isEqualTo(5);
        assertThat(schema.count(
                        "SELECT count(*) FROM flyway_schema_history WHERE version = '1' " + "AND type = 'BASELINE'"))
                .isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM flyway_schema_history")).isEqualTo(4);
    }

    @Test
    void aSchemaSharedWithOtherTablesButWithoutOursIsMigratedLikeAFreshOne() {
        schema.execute("CREATE TABLE someone_elses (id int)");

        MigrationOutcome outcome = new Migrations(schema.dataSource()).migrate();

        assertThat(outcome.applied()).isEqualTo(4);
        assertThat(outcome.schemaVersion()).isEqualTo("4");
        assertThat(schema.count("SELECT count(*) FROM global_settings")).isEqualTo(1);
    }

    @Test
    void aMigrationEditedAfterItWasAppliedFailsValidationWithAClearError() {
        new Migrations(schema.dataSource()).migrate();

        assertThatThrownBy(() -> new Migrations(schema.dataSource(), "classpath:db/changed").migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("does not match this build's migrations")
                .hasMessageContaining("checksum mismatch for migration version 1")
                .hasMessageContaining("Never edit an applied migration");
        assertThat(schema.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema.name()
                        + "' AND table_name = 'accounts' AND column_name = 'nickname'"))
                .isZero();
    }

    @Test
    void workersStartingTogetherApplyEachVersionExactlyOnce() throws Exception {
        List<MigrationOutcome> outcomes = migrateConcurrently(4);

        assertThat(outcomes)
                .hasSize(4)
                .allSatisfy(o -> assertThat(o.schemaVersion()).isEqualTo("4"));
        assertThat(outcomes.stream().mapToInt(MigrationOutcome::applied).sum()).isEqualTo(4);
        assertThat(schema.count("SELECT count(*) FROM flyway_schema_history WHERE success"))
                .isEqualTo(4);
        assertThat(schema.count("SELECT count(*) FROM global_settings")).isEqualTo(1);
    }

    @Test
    void workersStartingTogetherOnAnOldToolDatabaseBaselineItOnce() throws Exception {
        migrateTheWayTheOldToolDid();

        List<MigrationOutcome> outcomes = migrateConcurrently(4);

        assertThat(outcomes)
                .hasSize(4)
                .allSatisfy(o -> assertThat(o.schemaVersion()).isEqualTo("4"));
        assertThat(outcomes.stream().mapToInt(MigrationOutcome::applied).sum()).isEqualTo(3);
        assertThat(schema.count("SELECT count(*) FROM flyway_schema_history WHERE type = 'BASELINE'"))
                .isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM flyway_schema_history")).isEqualTo(4);
    }

    private List<MigrationOutcome> migrateConcurrently(int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MigrationOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<MigrationOutcome> migrate = () -> {
                    start.await();
                    return new Migrations(schema.dataSource()).migrate();
                };
                futures.add(pool.submit(migrate));
            }
            start.countDown();
            List<MigrationOutcome> outcomes = new ArrayList<>();
            for (Future<MigrationOutcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the hand-written tool (an advisory lock plus index.txt) left behind: its table, and V1 applied. */
    private void migrateTheWayTheOldToolDid() throws IOException {
        schema.execute("CREATE TABLE IF NOT EXISTS hermes_schema_migrations ("
                + "version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        try (InputStream v1 =
                getClass().getClassLoader().getResourceAsStream("db/migration/V1__settings_and_accounts.sql")) {
            schema.execute(new String(v1.readAllBytes(), StandardCharsets.UTF_8));
        }
        schema.execute("INSERT INTO hermes_schema_migrations (version) VALUES ('V1__settings_and_accounts.sql')");
    }
}
