/**
 * Who may use the console and the admin API: {@link io.llmadmin.domain.users.ConsoleUser} with a PBKDF2 password hash
 * and a {@link io.llmadmin.domain.users.ConsoleRole} (admin reads and writes, viewer only reads).
 */
package io.llmadmin.domain.users;
