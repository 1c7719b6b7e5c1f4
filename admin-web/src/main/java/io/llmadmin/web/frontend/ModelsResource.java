package io.llmadmin.web.frontend;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code GET /v1/models[?type=]} and {@code GET /v1/models/{id}}: the active catalog, from memory. */
@Path("/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    /** Renders the lists exactly as JAX-RS would (Yasson, default configuration): the seed's bytes are the contract. */
    private static final Jsonb JSON = JsonbBuilder.create();

    private final ModelCatalog catalog;

    /**
     * Each type's list rendered once per catalog snapshot: the catalog hands out the same immutable list until it
     * reloads, so an identity check tells when to render again. Serialising a few hundred models on every request was
     * most of this endpoint's cost; kept as UTF-8 bytes, so that a request does not encode a 145 KB string again (a
     * catalog of 1,000 models).
     */
    private final Map<ModelType, RenderedList> rendered = new ConcurrentHashMap<>();

    private record RenderedList(List<CatalogEntry> source, byte[] json) {}

    @Inject
    public ModelsResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** For the CDI proxy only. */
    protected ModelsResource() {
        this(null);
    }

    /**
     * The active models of one type in catalog order, as a bare JSON array. Without {@code type} it lists the chat
     * models, which is what the frontend's model dropdown shows.
     */
    @GET
    public Response list(@QueryParam("type") String type) {
        ModelType modelType = type == null || type.isBlank() ? ModelType.CHAT : parse(type);
        List<CatalogEntry> entries = catalog.activeModels(modelType);
        RenderedList cached = rendered.get(modelType);
        if (cached == null || cached.source() != entries) {
            cached = new RenderedList(
                    entries,
                    JSON.toJson(entries.stream().map(ModelInfo::of).toList()).getBytes(StandardCharsets.UTF_8));
            rendered.put(modelType, cached);
        }
        return Response.ok(cached.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("/{id}")
    public ModelInfo get(@PathParam("id") String id) {
        return catalog.activeModel(id)
                .map(ModelInfo::of)
                .orElseThrow(() -> new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No model '" + id + "'")));
    }

    private static ModelType parse(String type) {
        return ModelType.fromLabel(type)
                .orElseThrow(() -> new ApiException(ApiError.of(
                        Response.Status.BAD_REQUEST,
                        "Unknown model type '" + type + "'; valid types are " + String.join(", ", ModelType.apiNames()),
                        ModelType.apiNames())));
    }
}
