package io.llmadmin.services.usage.internal;

import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** The real {@link JpaUsageWriter}, each batch in its own resource-local transaction, as in Liberty with JTA. */
final class ResourceLocalUsageWriter implements UsageWriter {

    private final EntityManagerFactory factory;

    ResourceLocalUsageWriter(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void write(List<UsageEvent> batch) {
        ResourceLocalTransactions.inTransaction(factory, entityManager -> {
            new JpaUsageWriter(entityManager).write(batch);
            return null;
        });
    }
}
