package dev.hermes.admin.internal;

import dev.hermes.admin.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A session-level PostgreSQL advisory lock held while a process decides how to migrate and migrates.
 * Flyway locks its own history table, but not the moment before it exists: without this, a worker that
 * starts while another has just created the history table can take that table for someone else's schema.
 * The key is the one the hand-written tool used, so old and new workers in a rolling upgrade take turns too.
 */
public final class MigrationLock implements AutoCloseable {
    private static final long KEY = 0x4845524d4553L; // "HERMES"
    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    public static MigrationLock acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            return new MigrationLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnavailableException("cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    /** The connection that holds the lock, for reads made under it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        // closing the session releases a session-level advisory lock
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session ends either way
            }
        }
    }
}
