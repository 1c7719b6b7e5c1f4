/**
 * The registry kept through JPA: validation of whole drafts, optimistic versions, audit in the same transaction, and
 * the catalog refresh after commit.
 */
package io.llmadmin.services.registry.internal;
