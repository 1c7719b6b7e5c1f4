package io.llmadmin.services.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.llmadmin.migration.schema.SchemaMigrator;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the store tests run on, migrated by the changelogs and mapped by llm-domain's persistence unit
 * (resource-local here, JTA in Liberty). PostgreSQL's address comes from the environment
 * ({@code LLMADMIN_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}); when it cannot be reached the test is
 * skipped with a loud message, unless {@code LLMADMIN_REQUIRE_SERVICES=true}, where that is a failure.
 */
public final class TestDatabases {

    private static final Logger LOG = Logger.getLogger(TestDatabases.class.getName());

    private TestDatabases() {}

    /** Which database a parameterised test runs on. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    /** A fresh, migrated database of the given kind; close it to drop it. */
    public static Database migrated(Kind kind) {
        Database database = kind == Kind.H2 ? freshH2() : freshPostgresSchema();
        new SchemaMigrator(database.dataSource()).migrate();
        return database;
    }

    private static Database freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return new Database(h2, null);
    }

    private static Database freshPostgresSchema() {
        String url = env("LLMADMIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("LLMADMIN_TEST_POSTGRES_USER", "postgres");
        String password = env("LLMADMIN_TEST_POSTGRES_PASSWORD", "");
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(url, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + url + " is not reachable (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(env("LLMADMIN_REQUIRE_SERVICES", "false"))) {
                throw new IllegalStateException(message + " and LLMADMIN_REQUIRE_SERVICES=true", e);
            }
            LOG.severe(() -> "SKIPPED: " + message);
            assumeTrue(false, "SKIPPED: " + message);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setCurrentSchema(schema);
        return new Database(dataSource, schema);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A migrated database; {@link #close()} drops a PostgreSQL schema (an H2 memory database just goes). */
    public record Database(DataSource dataSource, String postgresSchema) implements AutoCloseable {

        /** llm-domain's {@code llmadmin} unit, resource-local on this database. */
        public EntityManagerFactory entityManagerFactory() {
            return Persistence.createEntityManagerFactory(
                    "llmadmin",
                    Map.of(
                            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                            "jakarta.persistence.jtaDataSource", "",
                            "jakarta.persistence.validation.mode", "NONE",
                            "jakarta.persistence.nonJtaDataSource", dataSource));
        }

        @Override
        public void close() throws SQLException {
            if (postgresSchema != null) {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
                }
            }
        }
    }
}
