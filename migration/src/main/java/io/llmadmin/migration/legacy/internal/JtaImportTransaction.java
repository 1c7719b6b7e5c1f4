package io.llmadmin.migration.legacy.internal;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/** The importer's transactions as JTA user transactions, so the vault's writes join the run's transaction. */
public final class JtaImportTransaction implements ImportTransaction {

    private final UserTransaction transaction;

    JtaImportTransaction(UserTransaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public void begin() {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot begin the import's transaction", e);
        }
    }

    @Override
    public void commit() {
        try {
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("The import's transaction did not commit: " + e.getMessage(), e);
        }
    }

    @Override
    public void rollback() {
        try {
            transaction.rollback();
        } catch (Exception e) {
            throw new IllegalStateException("The import's transaction did not roll back", e);
        }
    }

    @Override
    public boolean isActive() {
        try {
            int status = transaction.getStatus();
            return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            return false;
        }
    }
}
