package io.llmadmin.services.catalog.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.catalog.CatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Supplier;

/** Reads every active model from the database, in catalog order, in a transaction of its own. */
@ApplicationScoped
@Transactional
public class JpaActiveModels implements Supplier<List<CatalogEntry>> {

    private final EntityManager entityManager;

    @Inject
    public JpaActiveModels(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaActiveModels() {
        this(null);
    }

    @Override
    public List<CatalogEntry> get() {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE m.active = TRUE ORDER BY m.sortOrder, m.catalogId",
                        ModelConfiguration.class)
                .getResultList()
                .stream()
                .map(CatalogEntry::of)
                .toList();
    }
}
