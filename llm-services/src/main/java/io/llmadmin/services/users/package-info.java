/**
 * The console's users and their roles: {@link io.llmadmin.services.users.ConsoleUsers} authenticates users against
 * PBKDF2 hashes, manages them, and creates the first admin.
 */
package io.llmadmin.services.users;
