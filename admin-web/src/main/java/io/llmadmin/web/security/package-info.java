/**
 * Who may use the admin API: HTTP Basic over the console users in the database (Jakarta Security), the admin and
 * viewer roles, JSON answers for 401 and 403, and the first admin created at the first start.
 */
package io.llmadmin.web.security;
