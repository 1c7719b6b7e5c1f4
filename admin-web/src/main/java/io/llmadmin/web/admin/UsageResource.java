package io.llmadmin.web.admin;

import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageReports;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/usage}: calls and tokens per model over a time range, for admins and viewers. Every upstream
 * attempt is one call of the model it went to, so a call served by a fallback shows under both models (the primary's
 * with its failure outcome).
 */
@Path("/usage")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Usage", description = "Calls, tokens, latency and outcomes per model")
public class UsageResource {

    private final UsageReports reports;

    @Inject
    public UsageResource(UsageReports reports) {
        this.reports = reports;
    }

    /** For the CDI proxy only. */
    protected UsageResource() {
        this(null);
    }

    @GET
    @Operation(summary = "Usage per model", description = "Totals of the calls that started in [from, to).")
    @APIResponse(responseCode = "200", description = "One entry per model called in the range")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    public List<ModelUsageResponse> perModel(
            @Parameter(description = "ISO-8601, inclusive; default 24 hours before to") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601, exclusive; default now") @QueryParam("to") String to) {
        List<ApiFieldError> errors = new ArrayList<>();
        OffsetDateTime fromTime = QueryParameters.time(errors, "from", from);
        OffsetDateTime toTime = QueryParameters.time(errors, "to", to);
        QueryParameters.throwIfAny(errors);
        Instant end = toTime == null ? Instant.now() : toTime.toInstant();
        Instant start = fromTime == null ? end.minus(Duration.ofDays(1)) : fromTime.toInstant();
        if (end.isBefore(start)) {
            errors.add(new ApiFieldError("to", "must not be before from"));
            QueryParameters.throwIfAny(errors);
        }
        return reports.totalsPerModel(start, end).stream()
                .map(ModelUsageResponse::of)
                .toList();
    }

    /**
     * One model's usage as the API shows it.
     *
     * @param callsByOutcome calls per outcome name ({@code SUCCESS}, {@code UPSTREAM_UNAVAILABLE}, ...)
     */
    public record ModelUsageResponse(
            String modelId,
            long calls,
            long tokensIn,
            long tokensOut,
            long averageLatencyMillis,
            Map<String, Long> callsByOutcome) {

        static ModelUsageResponse of(ModelUsage usage) {
            Map<String, Long> outcomes = new TreeMap<>();
            usage.callsByOutcome().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
            return new ModelUsageResponse(
                    usage.modelId(),
                    usage.calls(),
                    usage.tokensIn(),
                    usage.tokensOut(),
                    usage.averageLatencyMillis(),
                    outcomes);
        }
    }
}
