/**
 * The admin REST API under {@code /api/admin}: the model registry (list, create, replace, merge-patch, activate,
 * deactivate, delete, with ETag versions), the audit log, console users and the caller's own account. Resources
 * parse and validate request DTOs, then call the services; every error is the JSON {@code ApiError}.
 */
package io.llmadmin.web.admin;
