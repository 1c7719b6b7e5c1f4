/**
 * How {@link io.llmadmin.services.legacycalls.LegacyCallHistory} keeps the counts: a store in the database
 * ({@link io.llmadmin.services.legacycalls.internal.JpaLegacyCallStore}) that adds each flush with atomic updates, and
 * the flusher that runs on the container's scheduled executor.
 */
package io.llmadmin.services.legacycalls.internal;
