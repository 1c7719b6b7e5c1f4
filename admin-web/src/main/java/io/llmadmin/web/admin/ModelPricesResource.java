package io.llmadmin.web.admin;

import io.llmadmin.services.pricing.ModelPrices;
import io.llmadmin.services.pricing.Price;
import io.llmadmin.services.pricing.PriceDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/models/{id}/prices}: a model's price history. A price is never changed: a new one is added,
 * effective from now or a later moment, so every call keeps the price it was made at. Reads for admins and viewers,
 * adding for admins (audited as {@code PRICE}).
 */
@Path("/models/{id}/prices")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Usage", description = "Prices, budgets, calls, tokens, cost, latency and outcomes")
public class ModelPricesResource {

    private final ModelPrices prices;
    private final RequestBodies bodies;

    @Inject
    public ModelPricesResource(ModelPrices prices, RequestBodies bodies) {
        this.prices = prices;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected ModelPricesResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "A model's prices", description = "Oldest first; the last one effective now is in force.")
    @APIResponse(responseCode = "200", description = "Every price row of the model (empty when never priced)")
    public List<PriceResponse> history(@PathParam("id") String modelId) {
        return prices.history(modelId).stream().map(PriceResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a price", description = "In force from effectiveFrom (default now) until a later one.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PriceAndBudgetRequests.NewPrice.class)))
    @APIResponse(responseCode = "201", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "404", description = "No such model")
    public Response add(@PathParam("id") String modelId, String body, @Context SecurityContext security) {
        PriceAndBudgetRequests.NewPrice request =
                bodies.bind(bodies.object(body), PriceAndBudgetRequests.NewPrice.class);
        Instant from =
                request.effectiveFrom() == null ? null : request.effectiveFrom().toInstant();
        Price saved = prices.add(
                ModelAdminResource.actor(security),
                modelId,
                new PriceDraft(
                        from,
                        request.currency(),
                        request.inputPerMillion(),
                        request.outputPerMillion(),
                        request.cachedInputPerMillion(),
                        request.perImage(),
                        request.perAudioSecond()));
        return Response.status(Response.Status.CREATED)
                .entity(PriceResponse.of(saved))
                .build();
    }

    /** A price row as the API shows it; amounts as exact decimal strings. */
    public record PriceResponse(
            long id,
            String modelId,
            String effectiveFrom,
            String currency,
            String inputPerMillion,
            String outputPerMillion,
            String cachedInputPerMillion,
            String perImage,
            String perAudioSecond,
            String createdBy) {

        static PriceResponse of(Price price) {
            return new PriceResponse(
                    price.id(),
                    price.modelId(),
                    price.effectiveFrom().toString(),
                    price.currency(),
                    plain(price.inputPerMillion()),
                    plain(price.outputPerMillion()),
                    plain(price.cachedInputPerMillion()),
                    plain(price.perImage()),
                    plain(price.perAudioSecond()),
                    price.createdBy());
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
