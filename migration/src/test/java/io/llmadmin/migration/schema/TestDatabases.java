package io.llmadmin.migration.schema;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the tests of this module and of llm-services (through this module's test-jar) run on. PostgreSQL's address comes from the environment
 * ({@code LLMADMIN_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}); when it cannot be reached the test is
 * skipped with a loud message, unless {@code LLMADMIN_REQUIRE_SERVICES=true} (as in CI), where that is a failure.
 */
public final class TestDatabases {

    private static final Logger LOG = Logger.getLogger(TestDatabases.class.getName());

    private TestDatabases() {}

    public static JdbcDataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** A new, empty schema in the test PostgreSQL database; dropped with {@link #drop(PostgresSchema)}. */
    public static PostgresSchema freshPostgresSchema() {
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
        return new PostgresSchema(dataSource, schema);
    }

    public static void drop(PostgresSchema postgres) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + postgres.schema() + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public record PostgresSchema(PGSimpleDataSource dataSource, String schema) {
        @Override
        public String toString() {
            return "PostgreSQL schema " + schema.toLowerCase(Locale.ROOT);
        }
    }
}
