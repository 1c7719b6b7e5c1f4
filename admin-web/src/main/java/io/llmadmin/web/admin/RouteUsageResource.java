package io.llmadmin.web.admin;

import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.RouteTargetView;
import io.llmadmin.services.routing.RouteView;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageReports;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/usage/routes/{id}}: the usage of each target of a route side by side, so an admin can compare
 * two providers on the same traffic. A target's numbers are its model's: calls made to it directly count too, so a
 * clean comparison gives the route targets of its own.
 */
@Path("/usage/routes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Usage", description = "Calls, tokens, latency and outcomes per model")
public class RouteUsageResource {

    private final ModelRoutes routes;
    private final UsageReports reports;

    @Inject
    public RouteUsageResource(ModelRoutes routes, UsageReports reports) {
        this.routes = routes;
        this.reports = reports;
    }

    /** For the CDI proxy only. */
    protected RouteUsageResource() {
        this(null, null);
    }

    /**
     * One target's share and use.
     *
     * @param modelId the target model
     * @param weight its weight in the route
     * @param calls its calls in the range (cache hits included, under {@code CACHE_HIT})
     * @param share its calls over all the route's targets' calls, 0 to 1
     */
    public record TargetUsage(
            String modelId,
            int weight,
            long calls,
            double share,
            long tokensIn,
            long tokensOut,
            long averageLatencyMillis,
            Map<String, Long> callsByOutcome) {}

    /** A route's targets' usage over {@code [from, to)}. */
    public record RouteUsage(String route, Instant from, Instant to, List<TargetUsage> targets) {}

    @GET
    @Path("/{id}")
    @Operation(summary = "Usage per target of a route", description = "Totals of the calls that started in [from, to).")
    @APIResponse(responseCode = "200", description = "One entry per target, in the route's order")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    @APIResponse(responseCode = "404", description = "No route with this id")
    public RouteUsage perTarget(
            @PathParam("id") String id,
            @Parameter(description = "ISO-8601, inclusive; default 24 hours before to") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601, exclusive; default now") @QueryParam("to") String to) {
        List<ApiFieldError> errors = new ArrayList<>();
        OffsetDateTime fromTime = QueryParameters.time(errors, "from", from);
        OffsetDateTime toTime = QueryParameters.time(errors, "to", to);
        QueryParameters.Range range = QueryParameters.range(errors, fromTime, toTime);
        RouteView route = routes.find(id).orElseThrow(() -> new UnknownEntityException("No route '" + id + "'"));
        Map<String, ModelUsage> usage = reports.totalsPerModel(range.start(), range.end()).stream()
                .collect(Collectors.toMap(ModelUsage::modelId, Function.identity()));
        long total = route.targets().stream()
                .mapToLong(target -> callsOf(usage.get(target.model())))
                .sum();
        List<TargetUsage> targets = route.targets().stream()
                .map(target -> usageOf(target, usage.get(target.model()), total))
                .toList();
        return new RouteUsage(route.id(), range.start(), range.end(), targets);
    }

    private static long callsOf(ModelUsage usage) {
        return usage == null ? 0 : usage.calls();
    }

    private static TargetUsage usageOf(RouteTargetView target, ModelUsage usage, long total) {
        if (usage == null) {
            return new TargetUsage(target.model(), target.weight(), 0, 0, 0, 0, 0, Map.of());
        }
        Map<String, Long> outcomes = new TreeMap<>();
        usage.callsByOutcome().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
        return new TargetUsage(
                target.model(),
                target.weight(),
                usage.calls(),
                total == 0 ? 0 : (double) usage.calls() / total,
                usage.tokensIn(),
                usage.tokensOut(),
                usage.averageLatencyMillis(),
                outcomes);
    }
}
