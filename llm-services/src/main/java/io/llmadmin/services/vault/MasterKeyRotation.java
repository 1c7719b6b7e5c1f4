package io.llmadmin.services.vault;

/**
 * The result of a master-key rotation.
 *
 * @param previousKeyId the id of the master key in use before
 * @param currentKeyId the id of the master key every stored secret is now encrypted under
 * @param reencrypted how many credentials were re-encrypted
 */
public record MasterKeyRotation(String previousKeyId, String currentKeyId, int reencrypted) {}
