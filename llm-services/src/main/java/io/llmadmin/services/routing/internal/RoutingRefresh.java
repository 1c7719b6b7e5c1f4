package io.llmadmin.services.routing.internal;

import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.CatalogChangedElsewhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Keeps every instance's routes and response-cache policies current: a change committed here drops this instance's
 * snapshots and is announced on the catalog's channel (a route is a catalog id clients call, so the catalog is
 * dropped with it); a notice from another instance drops them at once. Their own age ({@code SNAPSHOT_AGE}) only
 * bounds a notice lost while Redis was out of reach.
 */
@ApplicationScoped
public class RoutingRefresh {

    private final JpaModelRoutes routes;
    private final JpaResponseCachePolicies policies;
    private final CatalogBroadcast broadcast;

    @Inject
    public RoutingRefresh(JpaModelRoutes routes, JpaResponseCachePolicies policies, CatalogBroadcast broadcast) {
        this.routes = routes;
        this.policies = policies;
        this.broadcast = broadcast;
    }

    /** For the CDI proxy only. */
    protected RoutingRefresh() {
        this(null, null, null);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingChanged change) {
        dropSnapshots();
        broadcast.changed();
    }

    void changedElsewhere(@Observes CatalogChangedElsewhere change) {
        dropSnapshots();
    }

    private void dropSnapshots() {
        routes.dropSnapshot();
        policies.dropSnapshot();
    }
}
