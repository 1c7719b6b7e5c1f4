package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.llm.ModelDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the active model a catalog id names from the database on every call, so an edit is seen by the next call (and
 * the provider factory rebuilds its client, since the version changed). The fallbacks are the model's own ordered
 * list, as the registry stored it; the call pipeline follows them transitively.
 */
@ApplicationScoped
public class JpaModelDirectory implements ModelDirectory {

    private final EntityManager entityManager;

    @Inject
    public JpaModelDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaModelDirectory() {
        this(null);
    }

    @Override
    public Optional<ModelConfiguration> find(String catalogId) {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id AND m.active = TRUE",
                        ModelConfiguration.class)
                .setParameter("id", catalogId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ModelConfiguration> findByProviderModel(String provider, String providerModelName) {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE LOWER(m.provider) = :provider"
                                + " AND m.providerModelName = :name AND m.active = TRUE ORDER BY m.catalogId",
                        ModelConfiguration.class)
                .setParameter("provider", provider.toLowerCase(Locale.ROOT))
                .setParameter("name", providerModelName)
                .getResultList();
    }
}
