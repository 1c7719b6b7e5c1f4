package io.llmadmin.services.routing;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * The route as the model lists show it (the gateway's {@code /models}, the playground): a chat model of its own id,
     * described by its targets, listed after the models.
     */
    public CatalogEntry catalogEntry() {
        String split = targets.stream()
                .filter(target -> target.weight() > 0)
                .map(target -> target.model() + " " + target.weight())
                .collect(Collectors.joining(", "));
        return new CatalogEntry(
                id, ModelType.CHAT, "Route " + id, "Weighted route: " + split, 0, null, Integer.MAX_VALUE);
    }
}
