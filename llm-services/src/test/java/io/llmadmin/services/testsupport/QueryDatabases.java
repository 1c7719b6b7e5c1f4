package io.llmadmin.services.testsupport;

import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;

/**
 * A migrated H2 or PostgreSQL database with llm-domain's persistence unit open on it, for query tests; closing it
 * closes the unit and drops the database. A thin view over {@link TestDatabases}.
 */
public final class QueryDatabases {

    private QueryDatabases() {}

    public record Database(EntityManagerFactory factory, TestDatabases.Database database) implements AutoCloseable {
        @Override
        public void close() {
            factory.close();
            try {
                database.close();
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test database", e);
            }
        }
    }

    public static Database h2() {
        return open(TestDatabases.migrated(TestDatabases.Kind.H2));
    }

    public static Database postgres() {
        return open(TestDatabases.migrated(TestDatabases.Kind.POSTGRESQL));
    }

    private static Database open(TestDatabases.Database database) {
        return new Database(database.entityManagerFactory(), database);
    }
}
