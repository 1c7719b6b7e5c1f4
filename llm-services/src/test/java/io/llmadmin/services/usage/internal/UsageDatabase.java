package io.llmadmin.services.usage.internal;

import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Function;

/**
 * A migrated database of one kind for the usage tests: calls are written as the recorder writes them (raw rows and
 * hourly rollups, each batch in its own transaction) and read as the reports read them.
 */
final class UsageDatabase implements AutoCloseable {

    final Database database;
    final EntityManagerFactory factory;

    private UsageDatabase(Database database) {
        this.database = database;
        this.factory = database.entityManagerFactory();
    }

    static UsageDatabase migrated(Kind kind) {
        return new UsageDatabase(TestDatabases.migrated(kind));
    }

    /** Records these calls, as one batch. */
    void write(List<UsageEvent> calls) {
        new ResourceLocalUsageWriter(factory).write(calls);
    }

    /** What the reports answer, with an entity manager of their own. */
    <T> T read(Function<JpaUsageReports, T> read) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            return read.apply(new JpaUsageReports(entityManager));
        } finally {
            entityManager.close();
        }
    }

    @Override
    public void close() throws Exception {
        factory.close();
        database.close();
    }
}
