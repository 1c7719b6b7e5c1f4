package io.llmadmin.services.routing.internal;

import io.llmadmin.domain.routing.ResponseCachePolicy;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Policies in {@code response_cache_policy}; calls read them from a snapshot at most {@link #SNAPSHOT_AGE} old (a change
 * here or, through Redis, on another instance drops it at once: {@link RoutingRefresh}).
 */
@ApplicationScoped
public class JpaResponseCachePolicies extends SnapshotTable<Map<String, Integer>> implements ResponseCachePolicies {

    @Inject
    public JpaResponseCachePolicies(
            EntityManager entityManager, ModelRegistry registry, AuditLog auditLog, Event<RoutingChanged> changed) {
        super(entityManager, registry, auditLog, changed, "ResponseCachePolicy");
    }

    /** For the CDI proxy only. */
    protected JpaResponseCachePolicies() {}

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> all() {
        return new TreeMap<>(load());
    }

    @Override
    protected Map<String, Integer> load() {
        return entityManager
                .createQuery("SELECT p FROM ResponseCachePolicy p", ResponseCachePolicy.class)
                .getResultList()
                .stream()
                .collect(Collectors.toUnmodifiableMap(ResponseCachePolicy::modelId, ResponseCachePolicy::ttlSeconds));
    }

    @Override
    public Optional<Duration> ttlFor(String modelId) {
        Integer seconds = modelId == null ? null : snapshot().get(modelId);
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }

    @Override
    @Transactional
    public void set(String actor, String modelId, int ttlSeconds) {
        if (modelId == null || registry.find(modelId).isEmpty()) {
            throw new UnknownEntityException("No model '" + modelId + "'");
        }
        List<FieldError> refused = ResponseCachePolicies.ttlErrors(ttlSeconds);
        if (!refused.isEmpty()) {
            throw new InvalidChangeException(refused);
        }
        ResponseCachePolicy policy = entityManager.find(ResponseCachePolicy.class, modelId);
        if (policy == null && ttlSeconds == 0) {
            return;
        }
        String before = policy == null ? null : json(policy.ttlSeconds());
        if (ttlSeconds == 0) {
            if (policy != null) {
                entityManager.remove(policy);
            }
        } else if (policy == null) {
            entityManager.persist(new ResponseCachePolicy(modelId, ttlSeconds));
        } else {
            policy.changeTtl(ttlSeconds);
        }
        entityManager.flush();
        changed(
                actor,
                policy == null ? "CREATE" : ttlSeconds == 0 ? "DELETE" : "UPDATE",
                modelId,
                before,
                ttlSeconds == 0 ? null : json(ttlSeconds));
    }

    private static String json(int ttlSeconds) {
        return "{\"ttlSeconds\":" + ttlSeconds + "}";
    }
}
