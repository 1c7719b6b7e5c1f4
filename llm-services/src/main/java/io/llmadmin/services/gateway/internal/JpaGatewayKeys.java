package io.llmadmin.services.gateway.internal;

import io.llmadmin.domain.gateway.GatewayKey;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gateway keys in the {@code gateway_key} table; a token is looked up by its SHA-256 hash and compared in constant time. */
@ApplicationScoped
public class JpaGatewayKeys implements GatewayKeys {

    /** Longer than any token we issue; a longer "token" is not hashed at all. */
    static final int MAX_TOKEN_LENGTH = 200;

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
    public IssuedGatewayKey issue(String actor, String name, List<String> allowedModels, GatewayKeyLimits limits) {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? null : name.strip();
        if (trimmed == null || trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        List<String> models = allowedModels == null ? List.of() : allowedModels;
        for (int i = 0; i < models.size(); i++) {
            String id = models.get(i);
            if (id == null || id.isBlank() || id.contains(",")) {
                errors.add(new FieldError("allowedModels[" + i + "]", "must be a catalog id"));
            }
        }
        if (String.join(",", models.stream().map(String::valueOf).toList()).length() > 4000) {
            errors.add(new FieldError("allowedModels", "must be at most 4000 characters together"));
        }
        GatewayKeyLimits given = limits == null ? GatewayKeyLimits.UNLIMITED : limits;
        checkLimit(errors, "limits.requestsPerMinute", given.requestsPerMinute());
        checkLimit(errors, "limits.inputTokensPerMinute", given.inputTokensPerMinute());
        checkLimit(errors, "limits.outputTokensPerMinute", given.outputTokensPerMinute());
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        if (findByName(trimmed).isPresent()) {
            throw new ConflictingChangeException("A gateway key '" + trimmed + "' already exists");
        }
        GatewayKey.Issued issued = GatewayKey.issue(trimmed, random);
        GatewayKey key = issued.key();
        key.allowModels(models.stream().map(String::strip).toList());
        key.limitPerMinute(given.requestsPerMinute(), given.inputTokensPerMinute(), given.outputTokensPerMinute());
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
        GatewayKey key = entityManager.find(GatewayKey.class, id);
        if (key == null) {
            throw new UnknownEntityException("No gateway key " + id);
        }
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
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GatewayKeyView> authenticate(String bearerToken) {
        if (bearerToken == null
                || bearerToken.length() > MAX_TOKEN_LENGTH
                || !bearerToken.startsWith(GatewayKey.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return entityManager
                .createQuery("SELECT k FROM GatewayKey k WHERE k.tokenHash = :hash", GatewayKey.class)
                .setParameter("hash", GatewayKey.hash(bearerToken))
                .getResultStream()
                .filter(key -> key.matches(bearerToken))
                .findFirst()
                .map(GatewayKeyView::of);
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
        JsonArrayBuilder models = Json.createArrayBuilder();
        key.allowedModels().forEach(models::add);
        return Json.createObjectBuilder()
                .add("name", key.name())
                .add("tokenStart", key.tokenStart())
                .add("allowedModels", models)
                .add(
                        "limits",
                        Json.createObjectBuilder()
                                .add("requestsPerMinute", key.limits().requestsPerMinute())
                                .add("inputTokensPerMinute", key.limits().inputTokensPerMinute())
                                .add("outputTokensPerMinute", key.limits().outputTokensPerMinute()))
                .add("revoked", key.revoked())
                .build()
                .toString();
    }
}
