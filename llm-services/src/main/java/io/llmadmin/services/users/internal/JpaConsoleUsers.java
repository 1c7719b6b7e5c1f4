package io.llmadmin.services.users.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.users.ConsoleUsers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Users in the database, passwords hashed with PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, 32-byte salt).
 *
 * <p>HTTP Basic sends the password with every request, and a PBKDF2 check costs a large part of a second by design.
 * So a successful check is remembered for {@link #VERIFIED_FOR}: as an HMAC of the password under a key that exists
 * only in this process's memory, tied to the stored hash it was checked against. A changed password (a new hash)
 * voids it at once; the clear password is never kept.
 */
@ApplicationScoped
public class JpaConsoleUsers implements ConsoleUsers {

    static final int ITERATIONS = 210_000;
    static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final Pbkdf2PasswordHash passwordHash;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new byte[32];
    private volatile String dummyHash;

    @Inject
    public JpaConsoleUsers(EntityManager entityManager, AuditLog auditLog, Pbkdf2PasswordHash passwordHash) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.passwordHash = passwordHash;
    }

    /** For the CDI proxy only. */
    protected JpaConsoleUsers() {
        this(null, null, null);
    }

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        random.nextBytes(cacheKey);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConsoleRole> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<ConsoleUser> user = find(username);
        if (user.isEmpty()) {
            // Same cost as a real check, so the answer's timing does not tell which user names exist.
            passwordHash.verify(password.toCharArray(), dummyHash());
            return Optional.empty();
        }
        String storedHash = user.get().passwordHash();
        byte[] fingerprint = fingerprint(username, password);
        Verified known = verified.get(username);
        long now = System.nanoTime();
        if (known != null
                && known.storedHash().equals(storedHash)
                && now - known.atNanos() < VERIFIED_FOR.toNanos()
                && MessageDigest.isEqual(known.fingerprint(), fingerprint)) {
            return Optional.of(user.get().role());
        }
        if (!passwordHash.verify(password.toCharArray(), storedHash)) {
            return Optional.empty();
        }
        verified.put(username, new Verified(storedHash, fingerprint, now));
        return Optional.of(user.get().role());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsoleUser> list() {
        return entityManager
                .createQuery("SELECT u FROM ConsoleUser u ORDER BY u.username", ConsoleUser.class)
                .getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConsoleUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return entityManager
                .createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :name", ConsoleUser.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    @Override
    @Transactional
    public ConsoleUser create(String actor, String username, String password, ConsoleRole role) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !username.matches(ConsoleUser.USERNAME_PATTERN)) {
            errors.add(new FieldError(
                    "username",
                    "must be 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit"));
        }
        checkPassword(errors, "password", password);
        if (role == null) {
            errors.add(new FieldError("role", "must be one of " + String.join(", ", ConsoleRole.roleNames())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        if (find(username).isPresent()) {
            throw new ConflictingChangeException("A user '" + username + "' already exists");
        }
        ConsoleUser user = new ConsoleUser(username, hash(password), role);
        entityManager.persist(user);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw new ConflictingChangeException("A user '" + username + "' was created at the same time");
        }
        auditLog.record(actor, "CREATE", ENTITY_TYPE, username, null, snapshot(user));
        return user;
    }

    @Override
    @Transactional
    public ConsoleUser changeRole(String actor, String username, ConsoleRole role, OptionalLong expectedVersion) {
        if (role == null) {
            throw new InvalidChangeException("role", "must be one of " + String.join(", ", ConsoleRole.roleNames()));
        }
        ConsoleUser user = require(username);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != user.version()) {
            throw new StaleVersionException("User '" + username + "'", expectedVersion.getAsLong(), user.version());
        }
        if (user.role() == role) {
            return user;
        }
        if (user.isAdmin() && countAdmins() <= 1) {
            throw new ConflictingChangeException("'" + username + "' is the last admin; make another user admin first");
        }
        String before = snapshot(user);
        user.changeRole(role);
        flush(user);
        auditLog.record(actor, "UPDATE", ENTITY_TYPE, username, before, snapshot(user));
        return user;
    }

    @Override
    @Transactional
    public void resetPassword(String actor, String username, String newPassword) {
        List<FieldError> errors = new ArrayList<>();
        checkPassword(errors, "password", newPassword);
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        setPassword(actor, "RESET_PASSWORD", username, require(username), newPassword);
    }

    @Override
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        ConsoleUser user = require(username);
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || !passwordHash.verify(currentPassword.toCharArray(), user.passwordHash())) {
            errors.add(new FieldError("currentPassword", "is not the current password"));
        }
        checkPassword(errors, "newPassword", newPassword);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            errors.add(new FieldError("newPassword", "must differ from the current password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        setPassword(username, "CHANGE_PASSWORD", username, user, newPassword);
    }

    /** Stores a checked password's hash, forgets the user's verified sign-ins and audits the change. */
    private void setPassword(String actor, String action, String username, ConsoleUser user, String newPassword) {
        String before = snapshot(user);
        user.changePasswordHash(hash(newPassword));
        flush(user);
        verified.remove(username);
        auditLog.record(actor, action, ENTITY_TYPE, username, before, snapshot(user));
    }

    @Override
    @Transactional
    public void delete(String actor, String username) {
        ConsoleUser user = require(username);
        if (user.isAdmin() && countAdmins() <= 1) {
            throw new ConflictingChangeException("'" + username + "' is the last admin and cannot be deleted");
        }
        String before = snapshot(user);
        entityManager.remove(user);
        flush(user);
        verified.remove(username);
        auditLog.record(actor, "DELETE", ENTITY_TYPE, username, before, null);
    }

    @Override
    @Transactional
    public Optional<String> ensureInitialAdmin(Optional<String> configuredPassword) {
        long users = entityManager
                .createQuery("SELECT COUNT(u) FROM ConsoleUser u", Long.class)
                .getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        Optional<String> configured = configuredPassword.filter(password -> !password.isBlank());
        String password = configured.orElseGet(this::randomPassword);
        ConsoleUser admin = new ConsoleUser(INITIAL_ADMIN, hash(password), ConsoleRole.ADMIN);
        entityManager.persist(admin);
        entityManager.flush();
        auditLog.record(AuditLog.SYSTEM_ACTOR, "CREATE", ENTITY_TYPE, INITIAL_ADMIN, null, snapshot(admin));
        return configured.isPresent() ? Optional.empty() : Optional.of(password);
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static void checkPassword(List<FieldError> errors, String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_PASSWORD_LENGTH + " characters"));
        }
    }

    private String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    private String dummyHash() {
        String held = dummyHash;
        if (held == null) {
            held = hash(randomPassword());
            dummyHash = held;
        }
        return held;
    }

    private byte[] fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private long countAdmins() {
        return entityManager
                .createQuery("SELECT COUNT(u) FROM ConsoleUser u WHERE u.role = :role", Long.class)
                .setParameter("role", ConsoleRole.ADMIN)
                .getSingleResult();
    }

    private ConsoleUser require(String username) {
        return find(username).orElseThrow(() -> new UnknownEntityException("No user '" + username + "'"));
    }

    private void flush(ConsoleUser user) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException("User '" + user.username() + "'", user.version(), -1);
        }
    }

    /** The user as audited: name, role and when the password changed; never the hash. */
    private static String snapshot(ConsoleUser user) {
        return JSON.createObjectBuilder()
                .add("username", user.username())
                .add("role", user.role().roleName())
                .add("passwordChangedAt", String.valueOf(user.passwordChangedAt()))
                .add("version", user.version())
                .build()
                .toString();
    }

    private record Verified(String storedHash, byte[] fingerprint, long atNanos) {
        @Override
        public String toString() {
            return "Verified[...]";
        }
    }
}
