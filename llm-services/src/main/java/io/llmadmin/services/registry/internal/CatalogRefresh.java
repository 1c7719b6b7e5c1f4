package io.llmadmin.services.registry.internal;

import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Drops the client catalog's snapshot once a change to a model is committed, before the changing call returns: a
 * client that reads {@code /v1/models} after the admin's answer sees the change. A rolled-back change drops nothing.
 * The other instances are told too ({@link CatalogBroadcast}), and drop theirs.
 */
@ApplicationScoped
public class CatalogRefresh {

    private final ModelCatalog catalog;
    private final CatalogBroadcast broadcast;

    @Inject
    public CatalogRefresh(ModelCatalog catalog, CatalogBroadcast broadcast) {
        this.catalog = catalog;
        this.broadcast = broadcast;
    }

    /** For the CDI proxy only. */
    protected CatalogRefresh() {
        this(null, null);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModelsChanged change) {
        catalog.invalidate();
        broadcast.changed();
    }
}
