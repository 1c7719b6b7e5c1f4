package io.llmadmin.services.gateway.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.gateway.GatewayKey;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Gateway keys in the {@code gateway_key} table; a token is looked up by its SHA-256 hash and compared in constant time. */
@ApplicationScoped
public class JpaGatewayKeys implements GatewayKeys {

    /** Longer than any token we issue; a longer "token" is not hashed at all. */
    static final int MAX_TOKEN_LENGTH = 200;

    /** How precisely "last used" is kept: one write per key and minute at most. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final SecureRandom random;

    @Inject
    public JpaGatewayKeys(EntityManager entityManager, AuditLog auditLog) {
        this(entityManager, auditLog, new SecureRandom());
    }

    JpaGatewayKeys(EntityManager entityManager, AuditLog auditLog, SecureRandom random) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.random = random;
    }

    /** For the CDI proxy only. */
    protected JpaGatewayKeys() {
        this(null, null, null);
    }

    @Override
    @Transactional
    public IssuedGatewayKey issue(
            String actor, String name, List<String> allowedModels, GatewayKeyLimits limits, OffsetDateTime expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? null : name.strip();
        if (trimmed == null || trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        List<String> models = checkSettings(errors, allowedModels, limits, expiresAt);
        if (findByName(trimmed).isPresent()) {
            throw new ConflictingChangeException("A gateway key '" + trimmed + "' already exists");
        }
        GatewayKeyLimits given = limits == null ? GatewayKeyLimits.UNLIMITED : limits;
        GatewayKey.Issued issued = GatewayKey.issue(trimmed, random);
        GatewayKey key = issued.key();
        key.allowModels(models);
        key.limitPerMinute(given.requestsPerMinute(), given.inputTokensPerMinute(), given.outputTokensPerMinute());
        key.expireAt(expiresAt);
        entityManager.persist(key);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw new ConflictingChangeException("A gateway key '" + trimmed + "' was created at the same time");
        }
        GatewayKeyView view = GatewayKeyView.of(key);
        auditLog.record(actor, "CREATE", ENTITY_TYPE, key.name(), null, snapshot(view));
        return new IssuedGatewayKey(view, issued.token());
    }

    @Override
    @Transactional
    public GatewayKeyView change(
            String actor,
            long id,
            List<String> allowedModels,
            GatewayKeyLimits limits,
            OffsetDateTime expiresAt,
            OptionalLong expectedVersion) {
        GatewayKey key = existing(id);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != key.version()) {
            throw new StaleVersionException(
                    "Gateway key '" + key.name() + "'", expectedVersion.getAsLong(), key.version());
        }
        if (key.revoked()) {
            throw new ConflictingChangeException("Gateway key '" + key.name() + "' is revoked: it cannot be changed");
        }
        List<String> models = checkSettings(new ArrayList<>(), allowedModels, limits, expiresAt);
        GatewayKeyLimits given = limits == null ? GatewayKeyLimits.UNLIMITED : limits;
        String before = snapshot(GatewayKeyView.of(key));
        key.allowModels(models);
        key.limitPerMinute(given.requestsPerMinute(), given.inputTokensPerMinute(), given.outputTokensPerMinute());
        key.expireAt(expiresAt);
        entityManager.flush();
        GatewayKeyView after = GatewayKeyView.of(key);
        String afterJson = snapshot(after);
        if (!afterJson.equals(before)) {
            auditLog.record(actor, "UPDATE", ENTITY_TYPE, key.name(), before, afterJson);
        }
        return after;
    }

    @Override
    @Transactional
    public IssuedGatewayKey regenerate(String actor, long id) {
        GatewayKey key = existing(id);
        if (key.revoked()) {
            throw new ConflictingChangeException(
                    "Gateway key '" + key.name() + "' is revoked: it cannot get a new token");
        }
        String before = snapshot(GatewayKeyView.of(key));
        String token = key.regenerate(random);
        entityManager.flush();
        GatewayKeyView after = GatewayKeyView.of(key);
        auditLog.record(actor, "REGENERATE", ENTITY_TYPE, key.name(), before, snapshot(after));
        return new IssuedGatewayKey(after, token);
    }

    @Override
    @Transactional
    public void delete(String actor, long id) {
        GatewayKey key = existing(id);
        if (!key.revoked()) {
            throw new ConflictingChangeException(
                    "Gateway key '" + key.name() + "' still works: revoke it before deleting it");
        }
        String before = snapshot(GatewayKeyView.of(key));
        entityManager.remove(key);
        entityManager.flush();
        auditLog.record(actor, "DELETE", ENTITY_TYPE, key.name(), before, null);
    }

    /**
     * Checks the settings a key is issued or changed with, adding to the errors found so far and throwing them all.
     *
     * @return the allowed models, stripped, in order
     */
    private List<String> checkSettings(
            List<FieldError> errors, List<String> allowedModels, GatewayKeyLimits limits, OffsetDateTime expiresAt) {
        List<String> models = allowedModels == null ? List.of() : allowedModels;
        boolean wellFormed = true;
        for (int i = 0; i < models.size(); i++) {
            String id = models.get(i);
            if (id == null || id.isBlank() || id.contains(",")) {
                errors.add(new FieldError("allowedModels[" + i + "]", "must be a catalog id"));
                wellFormed = false;
            }
        }
        if (String.join(",", models.stream().map(String::valueOf).toList()).length() > 4000) {
            errors.add(new FieldError("allowedModels", "must be at most 4000 characters together"));
            wellFormed = false;
        }
        List<String> stripped =
                wellFormed ? models.stream().map(String::strip).distinct().toList() : List.of();
        List<String> unknown = unknownModels(stripped);
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("allowedModels", "no such model: " + String.join(", ", unknown)));
        }
        GatewayKeyLimits given = limits == null ? GatewayKeyLimits.UNLIMITED : limits;
        checkLimit(errors, "limits.requestsPerMinute", given.requestsPerMinute());
        checkLimit(errors, "limits.inputTokensPerMinute", given.inputTokensPerMinute());
        checkLimit(errors, "limits.outputTokensPerMinute", given.outputTokensPerMinute());
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        return stripped;
    }

    /** The ids that name no model in the registry (active or not), in the order given. */
    private List<String> unknownModels(List<String> catalogIds) {
        if (catalogIds.isEmpty()) {
            return List.of();
        }
        Set<String> known = Set.copyOf(entityManager
                .createQuery("SELECT m.catalogId FROM ModelConfiguration m WHERE m.catalogId IN :ids", String.class)
                .setParameter("ids", catalogIds)
                .getResultList());
        return catalogIds.stream().filter(id -> !known.contains(id)).toList();
    }

    private GatewayKey existing(long id) {
        GatewayKey key = entityManager.find(GatewayKey.class, id);
        if (key == null) {
            throw new UnknownEntityException("No gateway key " + id);
        }
        return key;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GatewayKeyView> list() {
        return entityManager
                .createQuery("SELECT k FROM GatewayKey k ORDER BY k.createdAt DESC, k.id DESC", GatewayKey.class)
                .getResultStream()
                .map(GatewayKeyView::of)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GatewayKeyView> find(long id) {
        return Optional.ofNullable(entityManager.find(GatewayKey.class, id)).map(GatewayKeyView::of);
    }

    @Override
    @Transactional
    public GatewayKeyView revoke(String actor, long id) {
        GatewayKey key = existing(id);
        if (key.revoked()) {
            return GatewayKeyView.of(key);
        }
        String before = snapshot(GatewayKeyView.of(key));
        key.revoke();
        entityManager.flush();
        GatewayKeyView after = GatewayKeyView.of(key);
        auditLog.record(actor, "REVOKE", ENTITY_TYPE, key.name(), before, snapshot(after));
        return after;
    }

    @Override
    @Transactional
    public Optional<GatewayKeyView> authenticate(String bearerToken) {
        if (!presentable(bearerToken)) {
            return Optional.empty();
        }
        Optional<GatewayKey> found = entityManager
                .createQuery("SELECT k FROM GatewayKey k WHERE k.tokenHash = :hash", GatewayKey.class)
                .setParameter("hash", GatewayKey.hash(bearerToken))
                .getResultStream()
                .filter(key -> key.matches(bearerToken))
                .findFirst();
        found.ifPresent(this::noteUse);
        return found.map(GatewayKeyView::of);
    }

    /** Whether a presented token has the shape of ours at all (anything else is refused without hashing it). */
    static boolean presentable(String bearerToken) {
        return bearerToken != null
                && bearerToken.length() <= MAX_TOKEN_LENGTH
                && bearerToken.startsWith(GatewayKey.TOKEN_PREFIX);
    }

    /**
     * Records that a key was used, at most once a minute per key: a bulk update, so it neither bumps the key's version
     * (an admin's edit open at the time stays valid) nor writes on every call.
     */
    private void noteUse(GatewayKey key) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime last = key.lastUsedAt();
        if (last != null && last.isAfter(now.minus(LAST_USED_RESOLUTION))) {
            return;
        }
        entityManager
                .createQuery("UPDATE GatewayKey k SET k.lastUsedAt = :now WHERE k.id = :id"
                        + " AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :threshold)")
                .setParameter("now", now)
                .setParameter("id", key.id())
                .setParameter("threshold", now.minus(LAST_USED_RESOLUTION))
                .executeUpdate();
    }

    private Optional<GatewayKey> findByName(String name) {
        return entityManager
                .createQuery("SELECT k FROM GatewayKey k WHERE k.name = :name", GatewayKey.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    private static void checkLimit(List<FieldError> errors, String field, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, "must be >= 0 (0 = unlimited)"));
        }
    }

    /** The key as audited: never the token or its hash. */
    private static String snapshot(GatewayKeyView key) {
        JsonArrayBuilder models = JSON.createArrayBuilder();
        key.allowedModels().forEach(models::add);
        return JSON.createObjectBuilder()
                .add("name", key.name())
                .add("tokenStart", key.tokenStart())
                .add("allowedModels", models)
                .add(
                        "limits",
                        JSON.createObjectBuilder()
                                .add("requestsPerMinute", key.limits().requestsPerMinute())
                                .add("inputTokensPerMinute", key.limits().inputTokensPerMinute())
                                .add("outputTokensPerMinute", key.limits().outputTokensPerMinute()))
                .add(
                        "expiresAt",
                        key.expiresAt() == null ? "never" : key.expiresAt().toString())
                .add("revoked", key.revoked())
                .build()
                .toString();
    }
}
