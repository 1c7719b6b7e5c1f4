package io.llmadmin.services.registry;

import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The model registry, the one way models are changed. Every change is validated as a whole, audited in its own
 * transaction, and reaches the client-facing catalog as soon as it is committed. The models returned are
 * {@link ModelView}s, immutable snapshots: the JPA entity never leaves the registry.
 *
 * <p>Every change may throw {@link InvalidChangeException} (400: names each wrong field), {@link
 * UnknownEntityException} (404), {@link StaleVersionException} (409: the version given is not the current one, or
 * another change won the race) or {@link ConflictingChangeException} (409: e.g. the id is taken). A refused change
 * has changed nothing.
 */
public interface ModelRegistry {

    /** The audit entity type of models. */
    String ENTITY_TYPE = "ModelConfiguration";

    Page<ModelView> list(ModelQuery query);

    Optional<ModelView> find(String catalogId);

    /** Stores a new model. */
    ModelView create(String actor, ModelDraft draft);

    /**
     * Replaces everything about a model but its id, if it is still at {@code expectedVersion}.
     *
     * @param catalogId the model to change; the draft's id must be the same
     */
    ModelView update(String actor, String catalogId, long expectedVersion, ModelDraft draft);

    /** Makes a model visible to clients (true) or hides it (false); without a version, whatever the version is. */
    ModelView setActive(String actor, String catalogId, boolean active, OptionalLong expectedVersion);

    /**
     * Deletes a model; refused while another model lists it as a fallback.
     *
     * @param expectedVersion when present, the delete happens only at this version
     */
    void delete(String actor, String catalogId, OptionalLong expectedVersion);
}
