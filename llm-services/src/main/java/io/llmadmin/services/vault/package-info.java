/**
 * Provider credentials: each bound to the endpoint its secrets may be sent to, stored encrypted, handed out in turn,
 * never shown in clear anywhere.
 * {@link io.llmadmin.services.vault.ApiKeyVault} is the entry point of LLM calls (and of the legacy
 * {@code getApiKey}); {@link io.llmadmin.services.vault.ApiCredentials} is the admin side (create, secrets, enable,
 * disable, test, delete, rotate the master key). Both are implemented by one application-scoped bean in {@code internal}.
 */
package io.llmadmin.services.vault;
