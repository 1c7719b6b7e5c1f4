/** Console users kept through JPA, hashed with Jakarta Security's PBKDF2 implementation. */
package io.llmadmin.services.users.internal;
