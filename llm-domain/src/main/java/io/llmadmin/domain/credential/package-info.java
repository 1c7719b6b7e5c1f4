/**
 * Provider API keys as they are stored: {@link io.llmadmin.domain.credential.ApiCredential} holds a key only in
 * encrypted form ({@link io.llmadmin.domain.credential.EncryptedSecret}), with the id of the master key that encrypted
 * it and the last four characters people may see. Encryption and decryption happen in llm-services' vault; nothing in
 * this package ever holds, prints or returns a key in clear.
 */
package io.llmadmin.domain.credential;
