package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The response cache part of the routes page: which chat models' answers are cached and for how long (off for every
 * model until an admin sets a TTL); admins set a model's TTL in seconds and turn it off again. Its own bean, so the
 * model editor stays as it is.
 */
@Named("cachePolicies")
@ViewScoped
public class CachePoliciesView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ResponseCachePolicies policies;
    private final ModelRegistry registry;
    private final SignedInUser signedIn;

    private transient List<Map.Entry<String, Integer>> rows;
    private transient List<String> chatModels;

    private String model;
    private Integer ttlSeconds;

    @Inject
    public CachePoliciesView(ResponseCachePolicies policies, ModelRegistry registry, SignedInUser signedIn) {
        this.policies = policies;
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected CachePoliciesView() {
        this(null, null, null);
    }

    /** Every model with a TTL, by catalog id. */
    public List<Map.Entry<String, Integer>> getRows() {
        if (rows == null) {
            rows = policies.all().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList();
        }
        return rows;
    }

    public List<String> getChatModels() {
        if (chatModels == null) {
            chatModels = GatewayKeysView.allModelIds(registry, ModelType.CHAT);
        }
        return chatModels;
    }

    /** Sets the chosen model's TTL (0 turns its cache off). */
    public void save() {
        set(model, ttlSeconds == null ? -1 : ttlSeconds);
    }

    /** Turns a model's cache off. */
    public void turnOff(String modelId) {
        set(modelId, 0);
    }

    private void set(String modelId, int seconds) {
        if (!signedIn.isAdmin()) {
            ConsoleMessages.error("Only admins may change the response cache.");
            return;
        }
        if (modelId == null || modelId.isBlank()) {
            ConsoleMessages.fieldError("cacheForm:model", "Choose a model.");
            return;
        }
        try {
            policies.set(signedIn.getName(), modelId, seconds);
            ConsoleMessages.info(
                    seconds == 0
                            ? "Answers of " + modelId + " are no longer cached."
                            : "Answers of " + modelId + " are cached for " + seconds + " s.");
            rows = null;
            model = null;
            ttlSeconds = null;
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), Map.of("ttlSeconds", "cacheForm:ttl"));
        } catch (UnknownEntityException e) {
            ConsoleMessages.fieldError("cacheForm:model", e.getMessage());
        }
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getTtlSeconds() {
        return ttlSeconds;
    }

    public void setTtlSeconds(Integer ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }
}
