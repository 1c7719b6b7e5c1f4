package io.llmadmin.services.transactions;

import java.util.function.Supplier;

/** Runs work in one database transaction: JTA inside Liberty, a resource-local transaction in tests. */
@FunctionalInterface
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
