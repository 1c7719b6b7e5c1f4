/**
 * The audit trail of every change: {@link io.llmadmin.services.audit.AuditLog} records an event in the changing
 * transaction and lists events by entity, actor, action and time; {@link io.llmadmin.services.audit.SecretMasking}
 * keeps secrets out of what is recorded.
 */
package io.llmadmin.services.audit;
