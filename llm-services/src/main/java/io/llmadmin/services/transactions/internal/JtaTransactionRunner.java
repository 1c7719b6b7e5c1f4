package io.llmadmin.services.transactions.internal;

import io.llmadmin.services.transactions.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** The container's transaction around a piece of work (joins one already running). */
@ApplicationScoped
public class JtaTransactionRunner implements TransactionRunner {

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
