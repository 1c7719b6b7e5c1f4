package io.llmadmin.web.gateway;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.routing.ModelRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code GET /openai/v1/models[/{id}]}: the active models the caller's key may use (chat, embedding, image and speech,
 * each with its {@code type}), then the routes it may call (as chat models; a model of a route's id wins), in OpenAI's
 * list shape.
 */
@Path("/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class GatewayModelsResource {

    private static final Set<ModelType> SERVED = Set.of(ModelType.values());

    private final ModelCatalog catalog;
    private final ModelRoutes routes;
    private final GatewayAuthentication authentication;

    @Inject
    public GatewayModelsResource(ModelCatalog catalog, ModelRoutes routes, GatewayAuthentication authentication) {
        this.catalog = catalog;
        this.routes = routes;
        this.authentication = authentication;
    }

    /** For the CDI proxy only. */
    protected GatewayModelsResource() {
        this(null, null, null);
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        List<CatalogEntry> models = Stream.concat(
                        Stream.of(ModelType.values()).flatMap(type -> catalog.activeModels(type).stream()),
                        routes.callable().stream())
                .filter(model -> key.allowsModel(model.id()))
                .toList();
        return json(OpenAiResponses.modelList(models).toString());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        CatalogEntry model = catalog.activeModel(id)
                .or(() -> routes.callable().stream()
                        .filter(route -> route.id().equals(id))
                        .findFirst())
                .filter(entry -> SERVED.contains(entry.type()) && key.allowsModel(entry.id()))
                .orElseThrow(() -> OpenAiException.modelNotFound(id));
        return json(OpenAiResponses.model(model).toString());
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }
}
