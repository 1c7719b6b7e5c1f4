package io.llmadmin.services.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * What the container's {@code @Transactional} and transaction-scoped entity manager do in Liberty, for the store tests:
 * a fresh entity manager per call, committed on return, rolled back on an exception.
 */
public final class ResourceLocalTransactions {

    private ResourceLocalTransactions() {}

    public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
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
