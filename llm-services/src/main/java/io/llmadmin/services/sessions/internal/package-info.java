/**
 * Chat sessions on JPA: the entities of {@code io.llmadmin.domain.chat}, written in short transactions that never span
 * a model call.
 */
package io.llmadmin.services.sessions.internal;
