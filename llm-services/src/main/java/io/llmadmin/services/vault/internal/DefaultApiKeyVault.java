package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.ApiKeyVault;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.MasterKeyRotation;
import io.llmadmin.services.vault.MasterKeyRotationException;
import io.llmadmin.services.vault.UnknownCredentialException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vault: stored keys first (encrypted, per lower-case provider, enabled ones in turn), the legacy environment
 * variables second. The enabled keys of a provider are kept in memory in their encrypted form for
 * {@code LLMADMIN_VAULT_CACHE_SECONDS} (default 30) and dropped at once on every change made here, so a hot path
 * decrypts (microseconds) but does not query; a change made by another instance shows within that time.
 *
 * <p>Sealing a new key and rotating the master key exclude each other, so no key is ever sealed under a master key
 * that a failed rotation is about to forget.
 */
@ApplicationScoped
public class DefaultApiKeyVault implements ApiKeyVault, ApiCredentials {

    static final int MIN_SECRET_LENGTH = 8;
    static final int MAX_SECRET_LENGTH = 2048;

    private static final Logger LOG = Logger.getLogger(DefaultApiKeyVault.class.getName());

    private final CredentialStore store;
    private final MasterKeys masterKeys;
    private final AesGcmSecretCipher cipher;
    private final EnvironmentKeys environmentKeys;
    private final Duration cacheFor;
    private final Clock clock;
    private final ConcurrentMap<String, Enabled> enabledByProvider = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> turns = new ConcurrentHashMap<>();
    private final ReadWriteLock sealingVersusRotation = new ReentrantReadWriteLock();

    @Inject
    public DefaultApiKeyVault(
            CredentialStore store,
            MasterKeys masterKeys,
            EnvironmentSource environment,
            @ConfigProperty(name = "LLMADMIN_VAULT_CACHE_SECONDS", defaultValue = "30") long cacheSeconds) {
        this(store, masterKeys, environment, Duration.ofSeconds(cacheSeconds), Clock.systemUTC());
    }

    DefaultApiKeyVault(
            CredentialStore store,
            MasterKeys masterKeys,
            EnvironmentSource environment,
            Duration cacheFor,
            Clock clock) {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("LLMADMIN_VAULT_CACHE_SECONDS must be >= 0");
        }
        this.store = store;
        this.masterKeys = masterKeys;
        this.cipher = new AesGcmSecretCipher(new SecureRandom());
        this.environmentKeys = new EnvironmentKeys(environment);
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected DefaultApiKeyVault() {
        this.store = null;
        this.masterKeys = null;
        this.cipher = null;
        this.environmentKeys = null;
        this.cacheFor = null;
        this.clock = null;
    }

    // ---- ApiKeyVault: the call path ----

    @Override
    public Optional<String> nextKey(String provider) {
        if (provider == null) {
            throw new IllegalArgumentException("provider must not be null");
        }
        String normalised = provider.trim().toLowerCase(Locale.ROOT);
        if (ApiCredential.PROVIDER_PATTERN.matcher(normalised).matches()) {
            List<ApiCredential> stored = enabled(normalised);
            if (!stored.isEmpty()) {
                long turn = turns.computeIfAbsent(normalised, name -> new AtomicLong())
                        .getAndIncrement();
                ApiCredential chosen = stored.get((int) Math.floorMod(turn, (long) stored.size()));
                return Optional.of(open(chosen));
            }
        }
        return environmentKeys.nextKey(provider);
    }

    private String open(ApiCredential credential) {
        try {
            return cipher.open(masterKeys.keyring(), credential.provider(), credential.encryptedSecret());
        } catch (SecretDecryptionException e) {
            throw new LlmNotConfiguredException("The stored API key " + credential.id() + " ('" + credential.label()
                    + "') of provider '" + credential.provider() + "' cannot be used: " + e.getMessage());
        }
    }

    private List<ApiCredential> enabled(String provider) {
        Instant now = clock.instant();
        Enabled held = enabledByProvider.get(provider);
        if (held == null || !now.isBefore(held.loadedAt().plus(cacheFor))) {
            held = new Enabled(List.copyOf(store.enabled(provider)), now);
            enabledByProvider.put(provider, held);
        }
        return held.credentials();
    }

    // ---- ApiCredentials: the admin side ----

    @Override
    public CredentialSummary store(String provider, String label, String secret) {
        String normalisedProvider = ApiCredential.normaliseProvider(provider);
        String clear = checkSecret(secret);
        sealingVersusRotation.readLock().lock();
        try {
            ApiCredential credential = new ApiCredential(
                    normalisedProvider,
                    label,
                    cipher.seal(masterKeys.keyring().current(), normalisedProvider, clear),
                    clear.substring(clear.length() - 4));
            ApiCredential stored = store.add(credential);
            LOG.info(() -> "Stored API key " + stored.id() + " ('" + stored.label() + "') for provider '"
                    + stored.provider() + "'");
            return summary(stored);
        } finally {
            sealingVersusRotation.readLock().unlock();
            invalidate(normalisedProvider);
        }
    }

    private static String checkSecret(String secret) {
        String clear = secret == null ? "" : secret.strip();
        if (clear.length() < MIN_SECRET_LENGTH || clear.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "secret must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters");
        }
        if (clear.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("secret must not contain spaces or control characters");
        }
        return clear;
    }

    @Override
    public List<CredentialSummary> list() {
        return store.all().stream().map(DefaultApiKeyVault::summary).toList();
    }

    @Override
    public Optional<CredentialSummary> find(long id) {
        return store.byId(id).map(DefaultApiKeyVault::summary);
    }

    @Override
    public CredentialSummary enable(long id) {
        return setEnabled(id, true);
    }

    @Override
    public CredentialSummary disable(long id) {
        return setEnabled(id, false);
    }

    private CredentialSummary setEnabled(long id, boolean enabled) {
        ApiCredential changed = store.setEnabled(id, enabled).orElseThrow(() -> new UnknownCredentialException(id));
        invalidate(changed.provider());
        LOG.info(() ->
                (enabled ? "Enabled" : "Disabled") + " API key " + id + " of provider '" + changed.provider() + "'");
        return summary(changed);
    }

    @Override
    public void delete(long id) {
        Optional<ApiCredential> existing = store.byId(id);
        if (!store.delete(id)) {
            throw new UnknownCredentialException(id);
        }
        existing.ifPresent(credential -> invalidate(credential.provider()));
        LOG.info(() -> "Deleted API key " + id);
    }

    @Override
    public MasterKeyRotation rotateMasterKey() {
        sealingVersusRotation.writeLock().lock();
        try {
            MasterKeys.Rotation rotation = masterKeys.beginRotation();
            MasterKeyring during = rotation.during();
            int reencrypted;
            try {
                reencrypted = store.reencryptAll(credential -> cipher.seal(
                        during.current(),
                        credential.provider(),
                        cipher.open(during, credential.provider(), credential.encryptedSecret())));
            } catch (RuntimeException e) {
                masterKeys.abandon(rotation);
                String previous = rotation.before().current().id();
                LOG.log(
                        Level.WARNING,
                        "Master key rotation failed and was rolled back; keys stay under master key " + previous,
                        e);
                throw new MasterKeyRotationException(
                        "Master key rotation failed and was rolled back; every stored key is still encrypted as "
                                + "before (current master key " + previous + "): " + e.getMessage(),
                        e);
            }
            masterKeys.complete(rotation, store.masterKeyIdsInUse());
            MasterKeyRotation result = new MasterKeyRotation(
                    rotation.before().current().id(), during.current().id(), reencrypted);
            LOG.info(() -> "Master key rotated from " + result.previousKeyId() + " to " + result.currentKeyId() + "; "
                    + reencrypted + " stored key(s) re-encrypted");
            return result;
        } finally {
            sealingVersusRotation.writeLock().unlock();
            enabledByProvider.clear();
        }
    }

    private void invalidate(String provider) {
        enabledByProvider.remove(provider);
    }

    private static CredentialSummary summary(ApiCredential credential) {
        return new CredentialSummary(
                credential.id(),
                credential.provider(),
                credential.label(),
                credential.lastFour(),
                credential.enabled(),
                credential.encryptedSecret().masterKeyId(),
                credential.createdAt(),
                credential.updatedAt(),
                credential.version());
    }

    private record Enabled(List<ApiCredential> credentials, Instant loadedAt) {}
}
