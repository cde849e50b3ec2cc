package dev.hermes.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh PostgreSQL schema of its own for one test, so parallel runs never share tables; dropped on close. */
final class TestSchema implements AutoCloseable {
    static final String BASE =
            System.getenv().getOrDefault("HERMES_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = "postgres";
    private final String name;

    private TestSchema(String name) {
        this.name = name;
    }

    static TestSchema create() {
        TestSchema schema = new TestSchema(
                "adm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        schema.executeOnBase("CREATE SCHEMA " + schema.name);
        return schema;
    }

    String name() {
        return name;
    }

    String url() {
        return BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** A new, unpooled data source on this schema. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(USER);
        return dataSource;
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url(), USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(url(), USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void executeOnBase(String sql) {
        try (Connection c = DriverManager.getConnection(BASE, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot prepare a test schema (is PostgreSQL on " + BASE + "?): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executeOnBase("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
