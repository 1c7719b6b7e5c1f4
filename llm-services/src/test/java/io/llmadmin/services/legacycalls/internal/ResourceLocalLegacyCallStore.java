package io.llmadmin.services.legacycalls.internal;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** The real {@link JpaLegacyCallStore}, each call in its own resource-local transaction, as in Liberty with JTA. */
final class ResourceLocalLegacyCallStore implements LegacyCallStore {

    private final EntityManagerFactory factory;

    ResourceLocalLegacyCallStore(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void add(List<LegacyCallCount> calls) {
        ResourceLocalTransactions.inTransaction(factory, entityManager -> {
            new JpaLegacyCallStore(entityManager).add(calls);
            return null;
        });
    }

    @Override
    public List<LegacyCallCount> all() {
        EntityManager entityManager = factory.createEntityManager();
        try {
            return new JpaLegacyCallStore(entityManager).all();
        } finally {
            entityManager.close();
        }
    }
}
