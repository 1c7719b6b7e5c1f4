package io.llmadmin.services.registry.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The registry over JPA. Each change runs in one transaction: validate, compare the version, change the entity, flush
 * (where the database's optimistic lock refuses the loser of a race), audit, and announce the change so the catalog is
 * refreshed after the commit.
 */
@ApplicationScoped
public class JpaModelRegistry implements ModelRegistry {

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final Event<ModelsChanged> modelsChanged;

    @Inject
    public JpaModelRegistry(EntityManager entityManager, AuditLog auditLog, Event<ModelsChanged> modelsChanged) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.modelsChanged = modelsChanged;
    }

    /** For the CDI proxy only. */
    protected JpaModelRegistry() {
        this(null, null, null);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ModelView> list(ModelQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.type() != null) {
            conditions.add("m.type = :type");
            parameters.put("type", query.type());
        }
        if (query.provider() != null && !query.provider().isBlank()) {
            conditions.add("m.provider = :provider");
            parameters.put("provider", query.provider().trim());
        }
        if (query.active() != null) {
            // Compared as an integer: EclipseLink renders a Boolean parameter or literal as 0/1 on H2, and H2 refuses
            // to
            // compare those with a boolean column. CAST(boolean AS INTEGER) works on H2 and PostgreSQL alike.
            conditions.add("CAST(m.active AS INTEGER) = " + (query.active() ? 1 : 0));
        }
        String pattern = query.textPattern();
        if (pattern != null) {
            conditions.add("(LOWER(m.catalogId) LIKE :text ESCAPE '\\' OR LOWER(m.displayName) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(m.providerModelName) LIKE :text ESCAPE '\\' OR LOWER(m.vendor) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(m.description) LIKE :text ESCAPE '\\')");
            parameters.put("text", pattern);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String order = " ORDER BY m." + ModelQuery.SORT_FIELDS.get(query.sortField())
                + (query.descending() ? " DESC" : " ASC") + ", m.catalogId ASC";

        TypedQuery<Long> count =
                entityManager.createQuery("SELECT COUNT(m) FROM ModelConfiguration m" + where, Long.class);
        TypedQuery<ModelConfiguration> select = entityManager
                .createQuery("SELECT m FROM ModelConfiguration m" + where + order, ModelConfiguration.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        return new Page<>(
                select.getResultList().stream().map(ModelView::of).toList(),
                query.page(),
                query.size(),
                count.getSingleResult());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ModelView> find(String catalogId) {
        return stored(catalogId).map(ModelView::of);
    }

    private Optional<ModelConfiguration> stored(String catalogId) {
        if (catalogId == null) {
            return Optional.empty();
        }
        return entityManager
                .createQuery("SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id", ModelConfiguration.class)
                .setParameter("id", catalogId)
                .getResultStream()
                .findFirst();
    }

    @Override
    @Transactional
    public ModelView create(String actor, ModelDraft draft) {
        List<FieldError> errors = ModelDraftValidator.validate(draft, this::exists, this::credential);
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        if (exists(draft.catalogId())) {
            throw new ConflictingChangeException("A model '" + draft.catalogId() + "' already exists");
        }
        ModelConfiguration model = new ModelConfiguration(
                draft.catalogId(), draft.type(), draft.provider(), draft.providerModelName(), draft.displayName());
        apply(model, draft);
        entityManager.persist(model);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw new ConflictingChangeException(
                    "A model '" + draft.catalogId() + "' was created at the same time; it already exists");
        }
        auditLog.record(actor, "CREATE", ENTITY_TYPE, model.catalogId(), null, ModelSnapshots.maskedJson(model));
        modelsChanged.fire(new ModelsChanged(model.catalogId()));
        return ModelView.of(model);
    }

    @Override
    @Transactional
    public ModelView update(String actor, String catalogId, long expectedVersion, ModelDraft draft) {
        if (draft.catalogId() != null && !draft.catalogId().equals(catalogId)) {
            throw new InvalidChangeException(
                    "id", "must be the id in the path ('" + catalogId + "'); a model's id never changes");
        }
        ModelConfiguration model = require(catalogId);
        checkVersion(model, expectedVersion);
        List<FieldError> errors = ModelDraftValidator.validate(draft, this::exists, this::credential);
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        String before = ModelSnapshots.maskedJson(model);
        apply(model, draft);
        flush(model, expectedVersion);
        auditLog.record(actor, "UPDATE", ENTITY_TYPE, catalogId, before, ModelSnapshots.maskedJson(model));
        modelsChanged.fire(new ModelsChanged(catalogId));
        return ModelView.of(model);
    }

    @Override
    @Transactional
    public ModelView setActive(String actor, String catalogId, boolean active, OptionalLong expectedVersion) {
        ModelConfiguration model = require(catalogId);
        expectedVersion.ifPresent(version -> checkVersion(model, version));
        if (model.active() == active) {
            return ModelView.of(model);
        }
        String before = ModelSnapshots.maskedJson(model);
        if (active) {
            model.activate();
        } else {
            model.deactivate();
        }
        flush(model, expectedVersion.orElse(model.version()));
        auditLog.record(
                actor,
                active ? "ACTIVATE" : "DEACTIVATE",
                ENTITY_TYPE,
                catalogId,
                before,
                ModelSnapshots.maskedJson(model));
        modelsChanged.fire(new ModelsChanged(catalogId));
        return ModelView.of(model);
    }

    @Override
    @Transactional
    public void delete(String actor, String catalogId, OptionalLong expectedVersion) {
        ModelConfiguration model = require(catalogId);
        expectedVersion.ifPresent(version -> checkVersion(model, version));
        List<String> users = entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE m.fallbackModels LIKE :id", ModelConfiguration.class)
                .setParameter("id", "%" + catalogId + "%")
                .getResultStream()
                .filter(other -> other.fallbacks().contains(catalogId))
                .map(ModelConfiguration::catalogId)
                .sorted()
                .toList();
        if (!users.isEmpty()) {
            throw new ConflictingChangeException("Model '" + catalogId + "' is a fallback of "
                    + String.join(", ", users) + "; remove it from their fallbacks first");
        }
        String before = ModelSnapshots.maskedJson(model);
        entityManager.remove(model);
        flush(model, expectedVersion.orElse(model.version()));
        auditLog.record(actor, "DELETE", ENTITY_TYPE, catalogId, before, null);
        modelsChanged.fire(new ModelsChanged(catalogId));
    }

    private boolean exists(String catalogId) {
        return entityManager
                        .createQuery("SELECT COUNT(m) FROM ModelConfiguration m WHERE m.catalogId = :id", Long.class)
                        .setParameter("id", catalogId)
                        .getSingleResult()
                > 0;
    }

    private ModelConfiguration require(String catalogId) {
        return stored(catalogId).orElseThrow(() -> new UnknownEntityException("No model '" + catalogId + "'"));
    }

    private static void checkVersion(ModelConfiguration model, long expectedVersion) {
        if (model.version() != expectedVersion) {
            throw new StaleVersionException("Model '" + model.catalogId() + "'", expectedVersion, model.version());
        }
    }

    /** Writes the change now, so that losing a race with a concurrent change is a 409, not a failed commit. */
    private void flush(ModelConfiguration model, long expectedVersion) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException("Model '" + model.catalogId() + "'", expectedVersion, -1);
        }
    }

    private static void apply(ModelConfiguration model, ModelDraft draft) {
        model.changeType(draft.type());
        model.reroute(draft.provider(), draft.providerModelName());
        model.rename(draft.displayName());
        model.describe(blankToNull(draft.vendor()), blankToNull(draft.description()), draft.sortOrder());
        model.specify(
                draft.contextLength(),
                new ParameterRanges(
                        draft.temperatureMin(),
                        draft.temperatureMax(),
                        draft.topPMin(),
                        draft.topPMax(),
                        draft.maxTokens()));
        model.limitPerMinute(
                draft.limitRequestsPerMinute(), draft.limitInputTokensPerMinute(), draft.limitOutputTokensPerMinute());
        model.routeTo(
                blankToNull(draft.apiBase()),
                compactJson(draft.extraKwargsJson()),
                draft.capabilities().vision());
        model.declareCapabilities(draft.capabilities());
        model.fallBackTo(draft.fallbacks());
        model.useCredential(draft.credentialId());
        model.logPayloads(draft.logPayloads());
        if (draft.active()) {
            model.activate();
        } else {
            model.deactivate();
        }
    }

    private Optional<ApiCredential> credential(long id) {
        return Optional.ofNullable(entityManager.find(ApiCredential.class, id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String compactJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            String compact = reader.readObject().toString();
            return "{}".equals(compact) ? null : compact;
        }
    }
}
