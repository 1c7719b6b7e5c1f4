package io.llmadmin.web.console;

import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.OptionalInt;

/**
 * The model page's save: the model through {@link ModelRegistry} and its response cache TTL through
 * {@link ResponseCachePolicies} (the routes page's and the admin API's service, with their validation and audit), in
 * one transaction, so a TTL the policies refuse leaves the model unchanged too: nothing half-saved.
 */
@ApplicationScoped
public class ModelSaves {

    private final ModelRegistry registry;
    private final ResponseCachePolicies policies;

    @Inject
    public ModelSaves(ModelRegistry registry, ResponseCachePolicies policies) {
        this.registry = registry;
        this.policies = policies;
    }

    /** For the CDI proxy only. */
    protected ModelSaves() {
        this(null, null);
    }

    /** The model's TTL in seconds as stored now; 0 when its answers are not cached. */
    public int cacheTtlOf(String catalogId) {
        return policies.all().getOrDefault(catalogId, 0);
    }

    /** Creates the model and, unless it is 0 (off, the default), its TTL. */
    @Transactional
    public ModelView create(String actor, ModelDraft draft, int ttlSeconds) {
        ModelView created = registry.create(actor, draft);
        if (ttlSeconds != 0) {
            policies.set(actor, created.catalogId(), ttlSeconds);
        }
        return created;
    }

    /** Updates the model at the version the page loaded and, when given (it changed), its TTL. */
    @Transactional
    public ModelView update(
            String actor, String catalogId, long expectedVersion, ModelDraft draft, OptionalInt ttlSeconds) {
        ModelView updated = registry.update(actor, catalogId, expectedVersion, draft);
        if (ttlSeconds.isPresent()) {
            policies.set(actor, catalogId, ttlSeconds.getAsInt());
        }
        return updated;
    }
}
