/**
 * The audit trail: {@link io.llmadmin.domain.audit.AuditEvent} records who changed what and when, with the masked
 * state before and after. Events are append-only; nothing updates or deletes them.
 */
package io.llmadmin.domain.audit;
