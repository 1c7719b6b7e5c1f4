/**
 * Provider API keys: stored encrypted, handed out round-robin per provider, never shown in clear anywhere.
 * {@link io.llmadmin.services.vault.ApiKeyVault} is the entry point of LLM calls (and of the legacy
 * {@code getApiKey}); {@link io.llmadmin.services.vault.ApiCredentials} is the admin side (store, list, enable,
 * disable, delete, rotate the master key). Both are implemented by one application-scoped bean in {@code internal}.
 */
package io.llmadmin.services.vault;
