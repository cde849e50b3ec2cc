package dev.hermes.admin.internal;

import dev.hermes.admin.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Recognises a schema migrated by the hand-written tool that came before Flyway. */
public final class LegacySchema {
    private static final String TABLE_IN_CURRENT_SCHEMA = "SELECT EXISTS (SELECT 1 FROM information_schema.tables "
            + "WHERE table_schema = current_schema() AND table_name = ?)";

    private LegacySchema() {}

    /** Flyway's history table is missing but the tables are there. */
    public static boolean needsBaseline(Connection connection) {
        try {
            return !exists(connection, "flyway_schema_history") && exists(connection, "global_settings");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot inspect the schema before migrating: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TABLE_IN_CURRENT_SCHEMA)) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
