package io.llmadmin.services.testsupport;

import io.llmadmin.domain.audit.AuditEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * Runs a change on a test's own entity manager in a transaction, as the container's {@code @Transactional} would:
     * committed on return, rolled back when it throws; the entity manager is cleared afterwards either way, so the next
     * read comes from the database.
     */
    public static <T> T inTransaction(EntityManager entityManager, Supplier<T> change) {
        entityManager.getTransaction().begin();
        try {
            T result = change.get();
            entityManager.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            entityManager.getTransaction().rollback();
            throw e;
        } finally {
            entityManager.clear();
        }
    }

    /** Every audit event written so far, oldest first. */
    public static List<AuditEvent> auditEvents(EntityManager entityManager) {
        return entityManager
                .createQuery("SELECT a FROM AuditEvent a ORDER BY a.id", AuditEvent.class)
                .getResultList();
    }
}
