package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.routing.ModelRoutes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** Where a gateway call naming a route goes: one of its targets, the same for both chat endpoints. */
final class GatewayRouting {

    private GatewayRouting() {}

    /**
     * The request with a route's id replaced by the target chosen for this call (sticky per caller: the key or console
     * user, and the end user it names in {@code user}); unchanged when the model is a model. A model of that id wins
     * over a route.
     */
    static JsonObject routed(ModelCatalog catalog, ModelRoutes routes, String caller, JsonObject json, String model) {
        if (catalog.activeModel(model).isPresent()) {
            return json;
        }
        String user = json.get("user") instanceof JsonString text ? text.getString() : null;
        return routes.pick(model, ChatCompletionRequest.callerOf(caller, user))
                .map(target ->
                        JSON.createObjectBuilder(json).add("model", target).build())
                .orElse(json);
    }
}
