/**
 * Provider API keys: stored encrypted, handed out round-robin per provider, never shown in clear anywhere.
 * {@link io.llmadmin.services.vault.ApiKeyVault} is the entry point.
 */
package io.llmadmin.services.vault;
