/**
 * One database transaction around a piece of work, for services that must commit in steps they choose (a chat
 * session or a job writes before and after a model call, never across it). {@link
 * io.llmadmin.services.transactions.TransactionRunner} is the contract: JTA inside Liberty, a resource-local
 * transaction in tests. It is a feature of its own because several features use it, and a feature's {@code internal}
 * package is used by that feature only.
 */
package io.llmadmin.services.transactions;
