package io.llmadmin.services.testsupport;

import io.llmadmin.migration.schema.SchemaMigrator;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The real databases the store tests run on, migrated by the changelogs and mapped by llm-domain's persistence unit
 * (resource-local here, JTA in Liberty). PostgreSQL's address comes from the environment
 * ({@code LLMADMIN_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}); when it cannot be reached the test is
 * skipped with a loud message, unless {@code LLMADMIN_REQUIRE_SERVICES=true}, where that is a failure.
 */
public final class TestDatabases {

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
        return new Database(io.llmadmin.migration.schema.TestDatabases.freshH2(), null);
    }

    private static Database freshPostgresSchema() {
        io.llmadmin.migration.schema.TestDatabases.PostgresSchema postgres =
                io.llmadmin.migration.schema.TestDatabases.freshPostgresSchema();
        return new Database(postgres.dataSource(), postgres.schema());
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
