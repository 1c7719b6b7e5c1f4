package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.routing.ModelRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/**
 * Which chat model a gateway call goes to, the same for both chat endpoints ({@code /chat/completions} and
 * {@code /responses}): the model it names, allowed for the caller, or one of the targets of the route it names, and in
 * either case an active chat model.
 */
@ApplicationScoped
public class GatewayChatModels {

    private final ModelCatalog catalog;
    private final ModelRoutes routes;

    @Inject
    public GatewayChatModels(ModelCatalog catalog, ModelRoutes routes) {
        this.catalog = catalog;
        this.routes = routes;
    }

    /** For the CDI proxy only. */
    protected GatewayChatModels() {
        this(null, null);
    }

    /**
     * The request as it goes to the chat service: unchanged when it names no model (the request's parser refuses it),
     * or with a route's id replaced by the target chosen for this call.
     *
     * @param endpoint the path the call came in on, for the refusal of a model that is not a chat model
     * @throws OpenAiException a 403 for a model the key may not call, a 404 for an unknown one, a 400 for one of
     *     another type
     */
    JsonObject resolve(GatewayCaller caller, JsonObject json, String endpoint) {
        String model = ChatCompletionRequest.modelOf(json);
        if (model == null) {
            return json;
        }
        caller.requireModel(model);
        Optional<CatalogEntry> named = catalog.activeModel(model);
        if (named.isPresent()) {
            // a model of that id wins over a route
            requireChat(named.get(), endpoint);
            return json;
        }
        JsonObject routed = routed(caller.name(), json, model);
        String target = ChatCompletionRequest.modelOf(routed);
        requireChat(catalog.activeModel(target).orElseThrow(() -> OpenAiException.modelNotFound(target)), endpoint);
        return routed;
    }

    /**
     * The request with a route's id replaced by the target chosen for this call (sticky per caller: the key or console
     * user, and the end user it names in {@code user}); unchanged when no route has that id.
     */
    private JsonObject routed(String caller, JsonObject json, String route) {
        String user = json.get("user") instanceof JsonString text ? text.getString() : null;
        return routes.pick(route, ChatCompletionRequest.callerOf(caller, user))
                .map(target ->
                        JSON.createObjectBuilder(json).add("model", target).build())
                .orElse(json);
    }

    private static void requireChat(CatalogEntry entry, String endpoint) {
        if (entry.type() != ModelType.CHAT) {
            throw OpenAiException.invalid(
                    "model",
                    "The model '" + entry.id() + "' is a " + entry.type().apiName() + " model; " + endpoint
                            + " needs a chat model");
        }
    }
}
