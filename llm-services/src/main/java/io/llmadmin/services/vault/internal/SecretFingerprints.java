package io.llmadmin.services.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed fingerprint of a secret: HMAC-SHA256 of provider and secret under a key derived from the master key. It
 * tells whether a secret offered again is one the vault holds, comparing the whole secret, without decrypting; unlike a
 * plain hash it cannot be checked against guesses by anyone who reads the table without the master key.
 */
final class SecretFingerprints {

    private static final byte[] LABEL = "llm-admin secret fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private SecretFingerprints() {}

    static String of(MasterKey masterKey, String provider, String secret) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(masterKey.secretKey().getEncoded(), "HmacSHA256"));
            byte[] fingerprintKey = derive.doFinal(LABEL);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            mac.update(provider.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Constant-time comparison of two fingerprints. */
    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
