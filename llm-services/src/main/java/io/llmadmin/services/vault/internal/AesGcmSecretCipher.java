package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens API keys with AES-256-GCM (JCA): a fresh random 96-bit nonce per encryption, a 128-bit tag, and the
 * provider id as associated data so a ciphertext only opens for the provider it was stored for. Thread-safe.
 */
public final class AesGcmSecretCipher {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "llm-admin/api-credential/v1/";

    private final SecureRandom random;

    public AesGcmSecretCipher(SecureRandom random) {
        this.random = random;
    }

    /** Encrypts a key under the given master key, for one provider. */
    public EncryptedSecret seal(MasterKey masterKey, String provider, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(provider));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new EncryptedSecret(masterKey.id(), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM is not available in this JDK: " + e.getClass().getName(), e);
        }
    }

    /**
     * Decrypts a stored key with the master key its row names.
     *
     * @throws SecretDecryptionException when that master key is not in the ring, or the ciphertext, nonce, provider or
     *     key do not match (tampering or a wrong key); the message names the master key id only
     */
    public String open(MasterKeyring keyring, String provider, EncryptedSecret sealed) {
        MasterKey masterKey = keyring.byId(sealed.masterKeyId())
                .orElseThrow(() -> new SecretDecryptionException("the master key " + sealed.masterKeyId()
                        + " that encrypted it is not configured (configured: "
                        + keyring.all().stream().map(MasterKey::id).toList() + ")"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(provider));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new SecretDecryptionException("it does not authenticate under master key " + masterKey.id()
                    + " (wrong key, or the stored ciphertext was changed)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretDecryptionException("it cannot be decrypted under master key " + masterKey.id() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] associatedData(String provider) {
        return (AAD_PREFIX + provider).getBytes(StandardCharsets.UTF_8);
    }
}
