package io.llmadmin.services.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES master key and its id. The id is the first 8 bytes (hex) of a SHA-256 over a fixed label and the key:
 * it tells keys apart and names them in logs without revealing anything of them. {@link #toString()} shows the id only.
 */
public final class MasterKey {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private static final byte[] ID_LABEL = "llm-admin master key id v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] bytes;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.id = idOf(this.bytes);
    }

    /** A new random key. */
    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * A key from its Base64 text.
     *
     * @param source what to name in the error (a variable or a file), never the value
     * @throws IllegalArgumentException when the text is not Base64 of exactly 32 bytes; the value and the decoder's
     *     message (which can quote a character of it) are left out
     */
    public static MasterKey fromBase64(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(source + " is not valid Base64; expected the Base64 of " + LENGTH
                    + " random bytes (for example: openssl rand -base64 32)");
        }
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException(source + " must be the Base64 of " + LENGTH + " bytes, but decodes to "
                    + decoded.length + " bytes (for example: openssl rand -base64 32)");
        }
        return new MasterKey(decoded);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", impossible);
        }
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    /** The key as Base64, for the key file only. */
    String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MasterKey that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
