/**
 * How the vault keeps keys: AES-256-GCM under a master key, in the {@code api_credential_secret} table (a credential
 * in {@code api_credential} holds one or more), each with a keyed fingerprint ({@code SecretFingerprints}) to recognise
 * a secret in full without decrypting. Which credential a model's call may use is one small decision,
 * {@code EndpointBinding}: a secret only ever goes to its credential's endpoint.
 *
 * <p><b>Why JCA AES-GCM and not Tink.</b> The JDK's own {@code AES/GCM/NoPadding} needs no dependency (Tink brings
 * protobuf and gson into a WAR that LangChain4j already fills, and the enforcer would have to reconcile them), and the
 * master key arrives as 32 raw bytes (Base64 in {@code LLMADMIN_MASTER_KEY} or a key file), which Tink would only
 * accept through its "insecure" raw-key import. The one thing Tink would add, protection against nonce reuse, is
 * covered here by construction: every encryption draws a fresh 96-bit nonce from {@code SecureRandom}, and an admin
 * vault seals a few thousand keys in its life, far below the 2^32 random-nonce bound of one GCM key. Each ciphertext is
 * bound to its provider by the associated data, so a row copied onto another provider does not decrypt.
 *
 * <p><b>Master keys.</b> {@link io.llmadmin.services.vault.internal.MasterKeys} reads {@code LLMADMIN_MASTER_KEY}
 * (Base64 of 32 bytes), else the file named by {@code LLMADMIN_MASTER_KEY_FILE}, else {@code master.key} in
 * {@code LLMADMIN_DATA_DIR} (default {@code ./data}), generating it there with owner-only permissions when absent. A
 * key file holds one Base64 key per line, the current key first and keys still needed for decryption after it;
 * {@code LLMADMIN_MASTER_KEY_PREVIOUS} (comma-separated) plays that part for the environment variable. Every stored
 * row names its master key by id (a digest of the key, never the key), so rows under an older key stay readable.
 */
package io.llmadmin.services.vault.internal;
