package io.llmadmin.services.vault;

/**
 * The outcome of testing a credential or a model: one cheap authenticated call. The message is ours, never the
 * provider's text (which may quote the key).
 *
 * @param ok whether the provider accepted the call
 * @param status the provider's HTTP status, or 0 when there was no answer
 * @param message what happened, fit for an admin
 */
public record CredentialCheck(boolean ok, int status, String message) {}
