package io.llmadmin.migration.legacy.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;

/**
 * The transaction boundaries of one import, owned by the caller's platform: a resource-local {@link EntityTransaction}
 * on the command line and in tests ({@link #resourceLocal(EntityManager)}), a JTA {@code UserTransaction} in the
 * server. The importer begins one transaction to record the run's start, one for the rows (committed, or rolled back
 * for a dry run, a strict rejection or a failure), and one to record how the run ended.
 */
public interface ImportTransaction {

    void begin();

    void commit();

    void rollback();

    /** Whether a transaction begun here is still open. */
    boolean isActive();

    /** The entity manager's own resource-local transaction. */
    static ImportTransaction resourceLocal(EntityManager entityManager) {
        Objects.requireNonNull(entityManager, "entityManager");
        return new ImportTransaction() {
            @Override
            public void begin() {
                entityManager.getTransaction().begin();
            }

            @Override
            public void commit() {
                entityManager.getTransaction().commit();
            }

            @Override
            public void rollback() {
                entityManager.getTransaction().rollback();
            }

            @Override
            public boolean isActive() {
                return entityManager.getTransaction().isActive();
            }
        };
    }
}
