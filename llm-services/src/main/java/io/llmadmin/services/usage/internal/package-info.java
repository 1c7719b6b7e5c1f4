/**
 * How usage is kept: {@link io.llmadmin.services.usage.internal.BatchingUsageRecorder} queues events in memory and a
 * task on the container's managed scheduled executor writes them through
 * {@link io.llmadmin.services.usage.internal.JpaUsageWriter}, one transaction per batch; reports are JPQL sums over the
 * {@code usage_record} table.
 */
package io.llmadmin.services.usage.internal;
