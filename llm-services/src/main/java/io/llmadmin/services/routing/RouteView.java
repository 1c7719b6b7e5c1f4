package io.llmadmin.services.routing;

import java.util.List;

/**
 * A route as callers see it.
 *
 * @param id the catalog id clients call
 * @param sticky whether one caller always goes to the same target
 * @param targets the target models with their weights, in the order they were given
 * @param version the stored version, for a conditional change
 */
public record RouteView(String id, boolean sticky, List<RouteTargetView> targets, long version) {

    public RouteView {
        targets = List.copyOf(targets);
    }
}
