package io.llmadmin.services.testdb;

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
 * Migrated databases for the query tests: a fresh in-memory H2, and a fresh schema in the PostgreSQL of
 * {@code LLMADMIN_TEST_POSTGRES_URL} (skipped loudly when unreachable, a failure when
 * {@code LLMADMIN_REQUIRE_SERVICES=true}), each with a resource-local entity manager factory over the application's
 * persistence unit.
 */
public final class QueryDatabases {

    private static final Logger LOG = Logger.getLogger(QueryDatabases.class.getName());

    private QueryDatabases() {}

    public record Database(EntityManagerFactory factory, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            factory.close();
            drop.run();
        }
    }

    public static Database h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return open(h2, () -> {});
    }

    public static Database postgres() {
        String url = env("LLMADMIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("LLMADMIN_TEST_POSTGRES_USER", "postgres");
        String password = env("LLMADMIN_TEST_POSTGRES_PASSWORD", "");
        String schema = "q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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
        return open(dataSource, () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + schema, e);
            }
        });
    }

    private static Database open(DataSource dataSource, Runnable drop) {
        new SchemaMigrator(dataSource).migrate();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", dataSource));
        return new Database(factory, drop);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
