/**
 * How the catalog is kept: a time-bounded in-memory snapshot over the JPA store, dropped on every change in this
 * instance and, through Redis pub/sub when configured, on every change in another.
 */
package io.llmadmin.services.catalog.internal;
