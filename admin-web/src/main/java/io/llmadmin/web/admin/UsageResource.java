package io.llmadmin.web.admin;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageCall;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/usage}: calls, tokens, cost, latency and outcomes over a time range, for admins and viewers;
 * without {@code groupBy} the per-model totals it always answered, with it one entry per group; and
 * {@code GET /api/admin/usage/calls}, the request log (never a prompt or an answer). Every upstream attempt is one call
 * of the model it went to, so a call served by a fallback shows under both models (the primary's with its failure
 * outcome).
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
    @Operation(
            summary = "Usage per model, or per group",
            description = "Totals of the calls that started in [from, to). Without groupBy: per model with calls per"
                    + " outcome; with groupBy=model|key|caller|day|hour: calls, tokens, cost, average and p95 latency,"
                    + " error rate and rate-limited calls per group, narrowed by model, key, caller and outcome.")
    @APIResponse(responseCode = "200", description = "One entry per model (or group) called in the range")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    public List<?> perModel(
            @Parameter(description = "ISO-8601, inclusive; default 24 hours before to") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601, exclusive; default now") @QueryParam("to") String to,
            @Parameter(description = "model, key, caller, day or hour") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "only this model") @QueryParam("model") String model,
            @Parameter(description = "only this gateway key (by name)") @QueryParam("key") String key,
            @Parameter(description = "only this caller") @QueryParam("caller") String caller,
            @Parameter(description = "only this outcome (SUCCESS, RATE_LIMITED, ...)") @QueryParam("outcome")
                    String outcome) {
        if (groupBy != null || model != null || key != null || caller != null || outcome != null) {
            List<ApiFieldError> errors = new ArrayList<>();
            UsageQuery.GroupBy grouping = groupBy == null ? UsageQuery.GroupBy.MODEL : groupOf(errors, groupBy);
            UsageQuery query = query(errors, from, to, model, key, caller, outcome);
            return reports.summary(query, grouping).stream()
                    .map(UsageGroupResponse::of)
                    .toList();
        }
        return totals(from, to);
    }

    @GET
    @Path("/calls")
    @Operation(
            summary = "The request log",
            description = "One entry per call, newest first: tokens, latency, cost and outcome; the prompt and the"
                    + " answer's text only for calls of a model whose logPayloads switch was on.")
    @APIResponse(responseCode = "200", description = "A page of calls")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    public PageResponse<UsageCallResponse> calls(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("model") String model,
            @QueryParam("key") String key,
            @QueryParam("caller") String caller,
            @QueryParam("outcome") String outcome,
            @Parameter(description = "from 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500, default 50") @QueryParam("size") String size) {
        List<ApiFieldError> errors = new ArrayList<>();
        int pageNumber = QueryParameters.integer(errors, "page", page, 0);
        int pageSize = QueryParameters.integer(errors, "size", size, 50);
        if (pageNumber < 0) {
            errors.add(new ApiFieldError("page", "must be >= 0"));
        }
        if (pageSize < 1 || pageSize > 500) {
            errors.add(new ApiFieldError("size", "must be 1 to 500"));
        } else if ((long) pageNumber * pageSize > 1_000_000_000L) {
            errors.add(new ApiFieldError("page", "is too far: narrow the time range or the filters"));
        }
        UsageQuery query = query(errors, from, to, model, key, caller, outcome);
        UsageReports.CallPage found = reports.calls(query, pageNumber, pageSize);
        return new PageResponse<>(
                found.items().stream().map(UsageCallResponse::of).toList(),
                pageNumber,
                pageSize,
                found.total(),
                (found.total() + pageSize - 1) / pageSize);
    }

    private static UsageQuery query(
            List<ApiFieldError> errors,
            String from,
            String to,
            String model,
            String key,
            String caller,
            String outcome) {
        OffsetDateTime fromTime = QueryParameters.time(errors, "from", from);
        OffsetDateTime toTime = QueryParameters.time(errors, "to", to);
        UsageOutcome outcomeValue = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                outcomeValue = UsageOutcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiFieldError("outcome", "must be one of " + List.of(UsageOutcome.values())));
            }
        }
        QueryParameters.Range range = QueryParameters.range(errors, fromTime, toTime);
        return new UsageQuery(
                range.start(), range.end(), blankToNull(model), blankToNull(key), blankToNull(caller), outcomeValue);
    }

    private static UsageQuery.GroupBy groupOf(List<ApiFieldError> errors, String groupBy) {
        try {
            return UsageQuery.GroupBy.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiFieldError("groupBy", "must be one of model, key, caller, day, hour"));
            return UsageQuery.GroupBy.MODEL;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private List<ModelUsageResponse> totals(String from, String to) {
        List<ApiFieldError> errors = new ArrayList<>();
        OffsetDateTime fromTime = QueryParameters.time(errors, "from", from);
        OffsetDateTime toTime = QueryParameters.time(errors, "to", to);
        QueryParameters.Range range = QueryParameters.range(errors, fromTime, toTime);
        return reports.totalsPerModel(range.start(), range.end()).stream()
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

    /**
     * One group of a summary; cost as an exact decimal string, error rate 0 to 1; {@code tokensCached}: of
     * {@code tokensIn}, those read from the provider's prompt cache.
     */
    public record UsageGroupResponse(
            String group,
            long calls,
            long tokensIn,
            long tokensOut,
            long tokensCached,
            String cost,
            String currency,
            long averageLatencyMillis,
            long p95LatencyMillis,
            double errorRate,
            long errors,
            long rateLimited,
            long budgetRefused) {

        static UsageGroupResponse of(UsageGroup group) {
            return new UsageGroupResponse(
                    group.group(),
                    group.calls(),
                    group.tokensIn(),
                    group.tokensOut(),
                    group.tokensCached(),
                    group.cost().toPlainString(),
                    group.currency(),
                    group.averageLatencyMillis(),
                    group.p95LatencyMillis(),
                    group.errorRate(),
                    group.errors(),
                    group.rateLimited(),
                    group.budgetRefused());
        }
    }

    /**
     * One call of the request log; {@code tokensCached}: of {@code tokensIn}, those read from the provider's prompt
     * cache; {@code prompt} (the messages, as JSON) and {@code completion} (the answer's text) only for a call of a
     * model whose "log payloads" switch was on, each at most 65,536 characters (a longer one ends in a
     * "[truncated: N more characters]" marker).
     */
    public record UsageCallResponse(
            long id,
            String occurredAt,
            String modelId,
            String caller,
            String gatewayKey,
            int tokensIn,
            int tokensCached,
            int tokensOut,
            boolean tokensEstimated,
            long latencyMillis,
            String outcome,
            String cost,
            String currency,
            String prompt,
            String completion) {

        static UsageCallResponse of(UsageCall call) {
            return new UsageCallResponse(
                    call.id(),
                    call.occurredAt().toString(),
                    call.modelId(),
                    call.caller(),
                    call.gatewayKey(),
                    call.tokensIn(),
                    call.tokensCached(),
                    call.tokensOut(),
                    call.tokensEstimated(),
                    call.latencyMillis(),
                    call.outcome().name(),
                    call.cost() == null ? null : call.cost().toPlainString(),
                    call.currency(),
                    call.prompt(),
                    call.completion());
        }
    }
}
