package dev.hermes.admin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hermes.schemas.HermesException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL pool and Jdbi handle. Opening waits for a database that is down, with backoff, then migrates. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects and migrates. While the database is unreachable it retries with exponential backoff (capped at 5 s)
     * up to {@code patience}, logging "waiting for PostgreSQL at URL: reason" at the first failure and then every
     * 5 s, not a storm.
     */
    public static Database open(String url, String user, String password, int poolSize, Duration patience) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("hermes-pg");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(Math.max(250, Math.min(5_000, patience.toMillis() / 4)));
        HikariDataSource dataSource = new HikariDataSource(config);
        waitUntilReachable(dataSource, url, patience);
        Database database = new Database(dataSource);
        try {
            new Migrations(unpooled(url, user, password)).migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return database;
    }

    /** Migrations open their own connections, so they never wait on a small pool. */
    private static DataSource unpooled(String url, String user, String password) {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl(url);
        unpooled.setUser(user);
        unpooled.setPassword(password == null ? "" : password);
        return unpooled;
    }

    private static void waitUntilReachable(HikariDataSource dataSource, String url, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoffMs = 100;
        long lastReminder = 0;
        for (int attempt = 1; ; attempt++) {
            try (var connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    log.info("database {} reachable after {} attempts", url, attempt);
                }
                return;
            } catch (Exception e) {
                long now = System.nanoTime();
                if (attempt == 1 || now - lastReminder >= Duration.ofSeconds(5).toNanos()) {
                    log.warn("waiting for PostgreSQL at {}: {}", url, rootCause(e));
                    lastReminder = now;
                }
                if (now > deadline) {
                    dataSource.close();
                    throw new DatabaseUnavailableException(
                            "database " + url + " unreachable for " + patience.toSeconds() + " s: " + e.getMessage(),
                            e);
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    /** The pool's "connection is not available" wraps the reason (refused, unknown host, auth): say that one. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while waiting for the database", e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
