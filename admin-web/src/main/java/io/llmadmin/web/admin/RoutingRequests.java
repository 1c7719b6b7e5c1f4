package io.llmadmin.web.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies {@code /api/admin/routes} and {@code /api/admin/response-cache} accept. */
public final class RoutingRequests {

    private RoutingRequests() {}

    /**
     * A route, replaced as a whole ({@code PUT /api/admin/routes/{id}}).
     *
     * @param sticky whether one caller (a gateway key, and the end user it names) always goes to the same target;
     *     absent: false
     * @param targets 1 to 10 chat models with their weights
     */
    public record Route(
            Boolean sticky,
            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Target> targets) {}

    /**
     * One target of a route.
     *
     * @param model a chat model's catalog id
     * @param weight 0 to 10,000: its share of the calls against the route's total
     */
    public record Target(
            @NotBlank @Size(max = 100) String model,
            @NotNull @Min(0) @Max(10_000) Integer weight) {}

    /**
     * How long a model's answers are served from the response cache.
     *
     * @param ttlSeconds 1 to 86,400; 0 turns the cache off for the model
     */
    public record CachePolicy(@NotNull @Min(0) @Max(86_400) Integer ttlSeconds) {}
}
