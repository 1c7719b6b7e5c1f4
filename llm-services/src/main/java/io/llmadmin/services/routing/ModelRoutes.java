package io.llmadmin.services.routing;

import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.changes.InvalidChangeException;
import java.util.List;
import java.util.Optional;

/** Catalog ids whose calls are split between target models by weight (A/B splits and canaries). */
public interface ModelRoutes {

    List<RouteView> all();

    Optional<RouteView> find(String id);

    /**
     * The routes clients can call, as the model lists show them ({@link RouteView#catalogEntry()}): every route as calls
     * see it now (from memory, as {@link #pick} does) whose id no active model hides, by id.
     */
    List<CatalogEntry> callable();

    /**
     * Creates or replaces a route.
     *
     * @throws InvalidChangeException naming the field: an id that is a model's, no target, more than ten, a target that
     *     is not a chat model or is named twice, a weight outside 0 to 10,000, or no weight above 0
     */
    RouteView save(String actor, String id, boolean sticky, List<RouteTargetView> targets);

    /** @return whether there was such a route */
    boolean delete(String actor, String id);

    /**
     * The target model for one call to the route, chosen by weight: at random, or, when the route is sticky and the
     * caller is known, always the same one for that caller (as long as the targets stay the same).
     *
     * @param callerKey who calls (a gateway key, an end user); null or blank: not sticky for this call
     * @return empty when {@code id} is not a route
     */
    Optional<String> pick(String id, String callerKey);

    /**
     * Where a call naming {@code modelOrRoute} goes: a target of the route (as {@link #pick}), or empty when it names an
     * active model (a model wins over a route of its id) or no route.
     */
    Optional<String> resolve(String modelOrRoute, String callerKey);
}
