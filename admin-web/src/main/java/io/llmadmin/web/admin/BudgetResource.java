package io.llmadmin.web.admin;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.budgets.BudgetDraft;
import io.llmadmin.services.budgets.BudgetView;
import io.llmadmin.services.budgets.Budgets;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/budgets}: spending caps per gateway key or model, with what is spent and held in the current
 * period. A call that could pass a budget is refused before it is sent (OpenAI's 429 {@code insufficient_quota}).
 */
@Path("/budgets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Usage", description = "Prices, budgets, calls, tokens, cost, latency and outcomes")
public class BudgetResource {

    private final Budgets budgets;
    private final RequestBodies bodies;

    @Inject
    public BudgetResource(Budgets budgets, RequestBodies bodies) {
        this.budgets = budgets;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected BudgetResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "Budgets", description = "Each with its spend and held cost in the current period")
    @APIResponse(responseCode = "200", description = "Every budget")
    public List<BudgetResponse> list() {
        return budgets.list().stream().map(BudgetResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a budget", description = "One per gateway key or model")
    @RequestBody(content = @Content(schema = @Schema(implementation = PriceAndBudgetRequests.BudgetBody.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    public Response create(String body, @Context SecurityContext security) {
        PriceAndBudgetRequests.BudgetBody request =
                bodies.bind(bodies.object(body), PriceAndBudgetRequests.BudgetBody.class);
        BudgetView created = budgets.create(ModelAdminResource.actor(security), draft(request, true));
        return Response.status(Response.Status.CREATED)
                .entity(BudgetResponse.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a budget", description = "Its amount, currency and period; send its version")
    @RequestBody(content = @Content(schema = @Schema(implementation = PriceAndBudgetRequests.BudgetBody.class)))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "404", description = "No such budget")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version")
    public BudgetResponse change(@PathParam("id") long id, String body, @Context SecurityContext security) {
        PriceAndBudgetRequests.BudgetBody request =
                bodies.bind(bodies.object(body), PriceAndBudgetRequests.BudgetBody.class);
        if (request.version() == null) {
            throw RequestBodies.versionRequired();
        }
        return BudgetResponse.of(
                budgets.update(ModelAdminResource.actor(security), id, request.version(), draft(request, false)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a budget")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such budget")
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        budgets.delete(ModelAdminResource.actor(security), id);
        return Response.noContent().build();
    }

    private static BudgetDraft draft(PriceAndBudgetRequests.BudgetBody request, boolean creating) {
        List<ApiFieldError> errors = new ArrayList<>();
        Budget.Scope scope = creating ? parse(errors, "scope", request.scope(), Budget.Scope.class) : null;
        Budget.Period period = parse(errors, "period", request.period(), Budget.Period.class);
        QueryParameters.throwIfAny(errors);
        return new BudgetDraft(scope, request.subject(), request.amount(), request.currency(), period);
    }

    private static <E extends Enum<E>> E parse(List<ApiFieldError> errors, String field, String value, Class<E> type) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        List<String> names =
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        errors.add(new ApiFieldError(field, "must be one of " + String.join(", ", names)));
        return null;
    }

    /**
     * A budget as the API shows it; amounts as exact decimal strings; {@code warning} once 80 % of the amount is
     * spent.
     */
    public record BudgetResponse(
            long id,
            String scope,
            String subject,
            String amount,
            String currency,
            String period,
            String spent,
            String reserved,
            int percentSpent,
            boolean warning,
            String periodStart,
            String periodEnd,
            long version) {

        static BudgetResponse of(BudgetView view) {
            return new BudgetResponse(
                    view.id(),
                    view.scope().name(),
                    view.subject(),
                    ModelPricesResource.plain(view.amount()),
                    view.currency(),
                    view.period().name(),
                    ModelPricesResource.plain(view.spent()),
                    ModelPricesResource.plain(view.reserved()),
                    view.percentSpent(),
                    view.warning(),
                    view.periodStart().toString(),
                    view.periodEnd().toString(),
                    view.version());
        }
    }
}
