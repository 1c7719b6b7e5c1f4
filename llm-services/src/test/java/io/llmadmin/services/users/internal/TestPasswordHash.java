package io.llmadmin.services.users.internal;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Real PBKDF2 from the JDK in the container's hash format, with few iterations so tests stay fast; counts the
 * verifications so a test can tell a remembered check from a new one.
 */
final class TestPasswordHash implements Pbkdf2PasswordHash {

    final AtomicInteger verifications = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    @Override
    public void initialize(Map<String, String> parameters) {
        // the iteration count asked for is ignored on purpose: tests need speed, not strength
    }

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "PBKDF2WithHmacSHA256:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt));
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        verifications.incrementAndGet();
        String[] parts = hashedPassword.split(":");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(Base64.getDecoder().decode(parts[3]), derive(password, salt));
    }

    private static byte[] derive(char[] password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, 1000, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
