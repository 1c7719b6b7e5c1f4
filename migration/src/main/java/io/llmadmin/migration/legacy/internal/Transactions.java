package io.llmadmin.migration.legacy.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Rolling back after a failure without hiding that failure behind the rollback's own. */
final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());

    private Transactions() {}

    static void rollbackQuietly(ImportTransaction transaction) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rolling back the import failed", e);
        }
    }
}
