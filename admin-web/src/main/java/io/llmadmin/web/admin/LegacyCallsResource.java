package io.llmadmin.web.admin;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/legacy-calls}: who still calls the deprecated legacy facade, summed over every instance and
 * restart: what the console's migration page shows, for a script that asks whether the facade can go.
 */
@Path("/legacy-calls")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Migration", description = "Calls into the deprecated legacy facade")
public class LegacyCallsResource {

    private final LegacyCallHistory history;

    @Inject
    public LegacyCallsResource(LegacyCallHistory history) {
        this.history = history;
    }

    /** For the CDI proxy only. */
    protected LegacyCallsResource() {
        this(null);
    }

    @GET
    @Operation(
            summary = "List the calls into the legacy facade",
            description = "Per legacy function and calling class, with the last time seen; by function, then caller.")
    @APIResponse(responseCode = "200", description = "Every call site ever seen; none when nothing calls the facade")
    public LegacyCallsResponse list() {
        List<CallSite> sites = history.callSites().stream().map(CallSite::of).toList();
        return new LegacyCallsResponse(!sites.isEmpty(), sites);
    }

    /**
     * @param stillCalled whether anything has ever called the facade (true while any call site is listed)
     * @param callSites by function, then caller
     */
    public record LegacyCallsResponse(boolean stillCalled, List<CallSite> callSites) {}

    /** One legacy function as called by one class: how often, and when last. */
    public record CallSite(String function, String callerClass, long calls, Instant lastSeen) {

        static CallSite of(LegacyCallCount count) {
            return new CallSite(count.function(), count.callerClass(), count.calls(), count.lastSeen());
        }
    }
}
