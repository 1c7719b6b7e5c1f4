package io.llmadmin.services.usage.internal;

import io.llmadmin.services.usage.UsageEvent;
import jakarta.persistence.EntityManager;
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
        EntityManager entityManager = factory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            new JpaUsageWriter(entityManager).write(batch);
            entityManager.getTransaction().commit();
        } catch (RuntimeException e) {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }
}
