package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import io.llmadmin.domain.credential.ProviderEndpoints;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.CatalogChangedElsewhere;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.ApiKeyVault;
import io.llmadmin.services.vault.CredentialCheck;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.MasterKeyRotation;
import io.llmadmin.services.vault.MasterKeyRotationException;
import io.llmadmin.services.vault.NewCredential;
import io.llmadmin.services.vault.UnknownCredentialException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vault: credentials stored encrypted (each bound to an endpoint, its secrets used in turn), the legacy environment
 * variables second. The enabled credentials of a provider are kept in memory in their encrypted form for
 * {@code LLMADMIN_VAULT_CACHE_SECONDS} (default 30), each secret decrypted on its first use and then kept beside them
 * ({@link OpenedSecret}), so a hot path neither queries nor decrypts. All of it is dropped at once on every change made
 * here, which is also announced to the other instances on the catalog's channel ({@link CatalogBroadcast}); a notice
 * from another instance drops it here. The cache time only bounds a notice lost while Redis was out of reach (or
 * another instance's change without Redis). Which credential a model's call may use is {@link EndpointBinding}'s
 * decision.
 *
 * <p>Sealing a new secret and rotating the master key exclude each other, so no secret is ever sealed under a master
 * key that a failed rotation is about to forget.
 *
 * <p>A little over 400 lines because that lock is the point: every operation that seals, re-seals or reads secrets
 * (create, add, replace, rotate, look up) is here, beside the one lock and the one cache they share, so that no
 * split can let one of them slip past the rotation.
 */
@ApplicationScoped
public class DefaultApiKeyVault implements ApiKeyVault, ApiCredentials {

    private static final Logger LOG = Logger.getLogger(DefaultApiKeyVault.class.getName());

    private final CredentialStore store;
    private final MasterKeys masterKeys;
    private final AesGcmSecretCipher cipher;
    private final EnvironmentKeys environmentKeys;
    private final HttpCredentialProbe probe;
    private final Duration cacheFor;
    private final Clock clock;
    private final CatalogBroadcast broadcast;
    private final ConcurrentMap<String, EnabledCredentials> enabledByProvider = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> turns = new ConcurrentHashMap<>();
    private final ReadWriteLock sealingVersusRotation = new ReentrantReadWriteLock();

    @Inject
    public DefaultApiKeyVault(
            CredentialStore store,
            MasterKeys masterKeys,
            EnvironmentSource environment,
            @ConfigProperty(name = "LLMADMIN_VAULT_CACHE_SECONDS", defaultValue = "30") long cacheSeconds,
            CatalogBroadcast broadcast) {
        this(store, masterKeys, environment, Duration.ofSeconds(cacheSeconds), Clock.systemUTC(), broadcast);
    }

    DefaultApiKeyVault(
            CredentialStore store,
            MasterKeys masterKeys,
            EnvironmentSource environment,
            Duration cacheFor,
            Clock clock) {
        this(store, masterKeys, environment, cacheFor, clock, () -> {});
    }

    DefaultApiKeyVault(
            CredentialStore store,
            MasterKeys masterKeys,
            EnvironmentSource environment,
            Duration cacheFor,
            Clock clock,
            CatalogBroadcast broadcast) {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("LLMADMIN_VAULT_CACHE_SECONDS must be >= 0");
        }
        this.store = store;
        this.masterKeys = masterKeys;
        this.cipher = new AesGcmSecretCipher(new SecureRandom());
        this.environmentKeys = new EnvironmentKeys(environment);
        this.probe = new HttpCredentialProbe();
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.broadcast = broadcast;
    }

    /** For the CDI proxy only. */
    protected DefaultApiKeyVault() {
        this.store = null;
        this.masterKeys = null;
        this.cipher = null;
        this.environmentKeys = null;
        this.probe = null;
        this.cacheFor = null;
        this.clock = null;
        this.broadcast = null;
    }

    // ---- ApiKeyVault: the call path ----

    @Override
    public Optional<String> nextKey(String provider) {
        if (provider == null) {
            throw new IllegalArgumentException("provider must not be null");
        }
        String normalised = provider.trim().toLowerCase(Locale.ROOT);
        if (ApiCredential.PROVIDER_PATTERN.matcher(normalised).matches()) {
            EnabledCredentials enabled = enabled(normalised);
            List<Held> stored = new ArrayList<>();
            for (ApiCredential credential : enabled.credentials()) {
                for (int index = 0; index < credential.secrets().size(); index++) {
                    stored.add(new Held(credential, index));
                }
            }
            if (!stored.isEmpty()) {
                Held chosen = stored.get(turn("provider:" + normalised, stored.size()));
                return Optional.of(enabled.opened(chosen.credential(), chosen.index(), this::open));
            }
        }
        return environmentKeys.nextKey(provider);
    }

    @Override
    public Optional<String> keyFor(ModelConfiguration model) {
        String normalised =
                model.provider() == null ? "" : model.provider().trim().toLowerCase(Locale.ROOT);
        if (!ApiCredential.PROVIDER_PATTERN.matcher(normalised).matches()) {
            return Optional.empty();
        }
        EnabledCredentials enabled = enabled(normalised);
        EndpointBinding.Choice choice = EndpointBinding.choose(model, enabled.credentials(), store::byId);
        if (choice.credential().isPresent()) {
            ApiCredential credential = choice.credential().get();
            int index =
                    turn("credential:" + credential.id(), credential.secrets().size());
            return Optional.of(enabled.opened(credential, index, this::open));
        }
        return choice.environmentAllowed() ? environmentKeys.nextKey(model.provider()) : Optional.empty();
    }

    private int turn(String counter, int size) {
        long turn = turns.computeIfAbsent(counter, name -> new AtomicLong()).getAndIncrement();
        return (int) Math.floorMod(turn, (long) size);
    }

    private String open(ApiCredential credential, CredentialSecret secret) {
        try {
            return cipher.open(masterKeys.keyring(), credential.provider(), secret.sealed());
        } catch (SecretDecryptionException e) {
            throw new LlmNotConfiguredException("The stored credential " + credential.id() + " ('"
                    + credential.label() + "') of provider '" + credential.provider() + "' cannot be used: "
                    + e.getMessage());
        }
    }

    private EnabledCredentials enabled(String provider) {
        Instant now = clock.instant();
        EnabledCredentials held = enabledByProvider.get(provider);
        if (held == null || !now.isBefore(held.loadedAt().plus(cacheFor))) {
            held = new EnabledCredentials(List.copyOf(store.enabled(provider)), now);
            enabledByProvider.put(provider, held);
        }
        return held;
    }

    // ---- ApiCredentials: the admin side ----

    @Override
    public CredentialSummary create(String actor, NewCredential request) {
        CredentialInput.Checked checked = CredentialInput.check(request);
        return add(actor, checked.provider(), checked.label(), checked.baseUrl(), checked.secrets());
    }

    @Override
    public CredentialSummary store(String provider, String label, String secret) {
        String normalisedProvider = ApiCredential.normaliseProvider(provider);
        String clear = CredentialInput.secret(secret, "secret");
        return add(
                AuditLog.SYSTEM_ACTOR,
                normalisedProvider,
                label,
                ProviderEndpoints.official(normalisedProvider).orElse(null),
                List.of(clear));
    }

    private CredentialSummary add(String actor, String provider, String label, String baseUrl, List<String> secrets) {
        sealingVersusRotation.readLock().lock();
        try {
            List<CredentialSecret> sealed =
                    secrets.stream().map(secret -> seal(provider, secret)).toList();
            ApiCredential stored = store.add(new ApiCredential(provider, label, baseUrl, sealed, actor), actor);
            LOG.info(() -> "Stored credential " + stored.id() + " (" + stored.provider() + "/" + stored.label() + ", "
                    + (baseUrl == null ? "unbound" : ProviderEndpoints.origin(baseUrl)) + ") for " + actor);
            return summary(stored);
        } finally {
            sealingVersusRotation.readLock().unlock();
            invalidate(provider);
        }
    }

    private CredentialSecret seal(String provider, String clear) {
        MasterKey current = masterKeys.keyring().current();
        return new CredentialSecret(
                cipher.seal(current, provider, clear),
                clear.substring(clear.length() - 4),
                SecretFingerprints.of(current, provider, clear),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
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
    public List<String> modelsUsing(long id) {
        return store.modelsUsing(id);
    }

    @Override
    public CredentialSummary addSecret(String actor, long id, String secret) {
        String clear = CredentialInput.secret(secret, "secret");
        return sealingChange(id, actor, "ADD_SECRET", credential -> {
            if (holds(credential, clear)) {
                throw new ConflictingChangeException("The credential holds this secret already");
            }
            if (credential.secrets().size() >= ApiCredential.MAX_SECRETS) {
                throw new ConflictingChangeException(
                        "A credential holds at most " + ApiCredential.MAX_SECRETS + " secrets; replace them instead");
            }
            credential.addSecret(seal(credential.provider(), clear), actor);
        });
    }

    @Override
    public CredentialSummary replaceSecrets(String actor, long id, String secret) {
        String clear = CredentialInput.secret(secret, "secret");
        return sealingChange(
                id,
                actor,
                "REPLACE_SECRETS",
                credential -> credential.replaceSecrets(seal(credential.provider(), clear), actor));
    }

    @Override
    public CredentialSummary bind(String actor, long id, String baseUrl) {
        ProviderEndpoints.problem(baseUrl).ifPresent(problem -> {
            throw new InvalidChangeException("baseUrl", problem);
        });
        return change(id, actor, "BIND", credential -> {
            try {
                credential.bindTo(baseUrl);
            } catch (IllegalStateException e) {
                throw new ConflictingChangeException(e.getMessage());
            }
        });
    }

    @Override
    public CredentialSummary enable(String actor, long id) {
        return change(id, actor, "ENABLE", ApiCredential::enable);
    }

    @Override
    public CredentialSummary disable(String actor, long id) {
        return change(id, actor, "DISABLE", ApiCredential::disable);
    }

    private CredentialSummary sealingChange(long id, String actor, String action, Consumer<ApiCredential> change) {
        sealingVersusRotation.readLock().lock();
        try {
            return change(id, actor, action, change);
        } finally {
            sealingVersusRotation.readLock().unlock();
        }
    }

    private CredentialSummary change(long id, String actor, String action, Consumer<ApiCredential> change) {
        ApiCredential changed =
                store.change(id, actor, action, change).orElseThrow(() -> new UnknownCredentialException(id));
        invalidate(changed.provider());
        LOG.info(() ->
                action + " credential " + id + " (" + changed.provider() + "/" + changed.label() + ") by " + actor);
        return summary(changed);
    }

    @Override
    public void delete(String actor, long id) {
        Optional<ApiCredential> existing = store.byId(id);
        if (!store.delete(id, actor)) {
            throw new UnknownCredentialException(id);
        }
        existing.ifPresent(credential -> invalidate(credential.provider()));
        LOG.info(() -> "Deleted credential " + id + " by " + actor);
    }

    @Override
    public boolean holdsSecret(long id, String secret) {
        if (secret == null || secret.isBlank()) {
            return false;
        }
        return store.byId(id)
                .map(credential -> holds(credential, secret.strip()))
                .orElse(false);
    }

    /** Compares the whole secret: by fingerprint, or by decrypting a secret stored before fingerprints existed. */
    private boolean holds(ApiCredential credential, String clear) {
        MasterKeyring keyring = masterKeys.keyring();
        for (CredentialSecret secret : credential.secrets()) {
            if (secret.fingerprint() != null) {
                Optional<MasterKey> key = keyring.byId(secret.sealed().masterKeyId());
                if (key.isPresent()
                        && SecretFingerprints.same(
                                secret.fingerprint(), SecretFingerprints.of(key.get(), credential.provider(), clear))) {
                    return true;
                }
            } else if (MessageDigest.isEqual(
                    open(credential, secret).getBytes(StandardCharsets.UTF_8),
                    clear.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CredentialCheck test(long id) {
        ApiCredential credential = store.byId(id).orElseThrow(() -> new UnknownCredentialException(id));
        if (credential.baseUrl() == null) {
            return new CredentialCheck(false, 0, "The credential is not bound to an endpoint yet; bind it first");
        }
        CredentialCheck check = probe.probe(
                credential.provider(),
                credential.baseUrl(),
                open(credential, credential.secrets().get(0)));
        LOG.info(() -> "Tested credential " + id + " (" + credential.provider() + "/" + credential.label() + "): "
                + check.message());
        return check;
    }

    @Override
    public MasterKeyRotation rotateMasterKey(String actor) {
        sealingVersusRotation.writeLock().lock();
        try {
            MasterKeys.Rotation rotation = masterKeys.beginRotation();
            MasterKeyring during = rotation.during();
            int reencrypted;
            try {
                reencrypted = store.reencryptAll(
                        (credential, secret) -> {
                            String clear = cipher.open(during, credential.provider(), secret.sealed());
                            return secret.resealed(
                                    cipher.seal(during.current(), credential.provider(), clear),
                                    SecretFingerprints.of(during.current(), credential.provider(), clear));
                        },
                        actor);
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
            masterKeys.complete(rotation, new HashSet<>(store.masterKeyIdsInUse()));
            MasterKeyRotation result = new MasterKeyRotation(
                    rotation.before().current().id(), during.current().id(), reencrypted);
            LOG.info(() -> "Master key rotated from " + result.previousKeyId() + " to " + result.currentKeyId() + " by "
                    + actor + "; " + reencrypted + " credential(s) re-encrypted");
            return result;
        } finally {
            sealingVersusRotation.writeLock().unlock();
            enabledByProvider.clear();
            broadcast.changed();
        }
    }

    /** Called once the change is committed (the store's methods commit before they return). */
    private void invalidate(String provider) {
        enabledByProvider.remove(provider);
        broadcast.changed();
    }

    /** Another instance changed something (or its notices may have been missed): read every credential again. */
    void onOtherInstance(@Observes CatalogChangedElsewhere change) {
        enabledByProvider.clear();
    }

    private static CredentialSummary summary(ApiCredential credential) {
        List<CredentialSecret> secrets = credential.secrets();
        return new CredentialSummary(
                credential.id(),
                credential.provider(),
                credential.label(),
                credential.baseUrl(),
                credential.lastFours(),
                credential.enabled(),
                secrets.isEmpty() ? null : secrets.get(0).sealed().masterKeyId(),
                credential.createdBy(),
                credential.createdAt(),
                credential.rotatedBy(),
                credential.rotatedAt(),
                credential.updatedAt(),
                credential.version());
    }

    private record Held(ApiCredential credential, int index) {}
}
