/** The container's transaction ({@code @Transactional}, JTA) behind {@link io.llmadmin.services.transactions.TransactionRunner}. */
package io.llmadmin.services.transactions.internal;
