package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseIT {

    @Test
    void aDatabaseThatIsDownIsRetriedWithBackoffAndLoggedOnceNotInAStorm() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        logger.addAppender(logs);
        long t0 = System.nanoTime();
        try {
            assertThatThrownBy(() -> Database.open(
                            "jdbc:postgresql://127.0.0.1:" + closedPort + "/hermes",
                            "postgres",
                            "",
                            2,
                            Duration.ofSeconds(3)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("unreachable for 3 s");
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(logs.list)
                .filteredOn(e -> e.getFormattedMessage().contains("waiting for PostgreSQL at"))
                .hasSize(1);
    }

    @Test
    void migrationsRunOnceAndSavesBumpTheVersionMonotonically() {
        try (TestSchema schema = TestSchema.create();
                Database first = Database.open(schema.url(), "postgres", "", 2, Duration.ofSeconds(10));
                Database second = Database.open(schema.url(), "postgres", "", 2, Duration.ofSeconds(10))) {
            SettingsStore store = new SettingsStore(second.jdbi());
            long before = store.currentVersion();

            GlobalSettings a = store.save("openrouter", "m1", null, new Secret("k1-secret"), "it");
            GlobalSettings b = new SettingsStore(first.jdbi()).save("openai", "m2", "https://x", null, "it");

            assertThat(a.version()).isEqualTo(before + 1);
            assertThat(b.version()).isEqualTo(before + 2);
            assertThat(b.apiKey()).isEmpty();
            assertThat(store.current().provider()).isEqualTo("openai");
            int migrations = first.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                            .mapTo(Integer.class)
                            .one());
            assertThat(migrations).as("each migration (V1 to V4) applied once").isEqualTo(4);
        }
    }
}
