/** The audit trail kept in the database through JPA, in the transaction of the change it records. */
package io.llmadmin.services.audit.internal;
