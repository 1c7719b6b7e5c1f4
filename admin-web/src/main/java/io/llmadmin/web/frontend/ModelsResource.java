package io.llmadmin.web.frontend;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /v1/models[?type=]} and {@code GET /v1/models/{id}}: the active catalog, from memory. */
@Path("/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelCatalog catalog;

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
    public List<ModelInfo> list(@QueryParam("type") String type) {
        ModelType modelType = type == null || type.isBlank() ? ModelType.CHAT : parse(type);
        return catalog.activeModels(modelType).stream().map(ModelInfo::of).toList();
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
