/**
 * What every change made through the admin services may answer: a page of a list, and the exceptions that say why a
 * change was refused (invalid fields, an unknown entity, a conflict, a stale version). A refused change has changed
 * nothing.
 */
package io.llmadmin.services.changes;
