package io.llmadmin.domain.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Someone who may sign in to the console and the admin API. Only a password hash is kept (a PBKDF2 string produced by
 * Jakarta Security's {@code Pbkdf2PasswordHash}, algorithm, iterations and salt included); the clear password never
 * reaches this class, and the hash never leaves it through {@link #toString()}.
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    /** A user name: letters, digits, '.', '_', '-' or '@', starting with a letter or digit, at most 64 characters. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    @Id
    @SequenceGenerator(name = "console_user_seq", sequenceName = "console_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "console_user_seq")
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private ConsoleRole role;

    @Column(name = "password_changed_at", nullable = false)
    private OffsetDateTime passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ConsoleUser() {}

    /**
     * A new user.
     *
     * @param username the unique sign-in name, matching {@link #USERNAME_PATTERN}
     * @param passwordHash the PBKDF2 hash of the password, never the password
     * @param role what the user may do
     */
    public ConsoleUser(String username, String passwordHash, ConsoleRole role) {
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            throw new IllegalArgumentException("username must match " + USERNAME_PATTERN);
        }
        this.username = username;
        this.passwordHash = requireHash(passwordHash);
        this.role = Objects.requireNonNull(role, "role");
        this.passwordChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String requireHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("passwordHash must not be blank");
        }
        return hash;
    }

    @PrePersist
    void onCreate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Replaces the password hash; the caller has checked the old password or is an admin. */
    public void changePasswordHash(String newPasswordHash) {
        this.passwordHash = requireHash(newPasswordHash);
        this.passwordChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void changeRole(ConsoleRole newRole) {
        this.role = Objects.requireNonNull(newRole, "role");
    }

    public boolean isAdmin() {
        return role == ConsoleRole.ADMIN;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    /** The PBKDF2 hash, for verification only. */
    public String passwordHash() {
        return passwordHash;
    }

    public ConsoleRole role() {
        return role;
    }

    public OffsetDateTime passwordChangedAt() {
        return passwordChangedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ConsoleUser that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    /** Names the user and role only; never the hash. */
    @Override
    public String toString() {
        return "ConsoleUser[" + username + ", " + role.roleName() + "]";
    }
}
