package io.llmadmin.web.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /console/api/playground/chat/completions} and {@code .../embeddings}: the console's playground trying a
 * model as a signed-in admin, without a gateway key. The body and the answer are the gateway's, and the call runs
 * through the very same resource code (catalog check, the model's limits, its credential, usage recorded as
 * {@code console:<user>}), so the playground proves the gateway's path. Viewers try models only with a gateway key,
 * on the gateway itself: a try spends the provider's money.
 *
 * <p>The session cookie authenticates these calls, so each must carry {@value #MARKER}: a cross-site form cannot set a
 * header, and a cross-site script cannot send one without a CORS permission this path never grants.
 */
@Path("/playground")
@ApplicationScoped
public class PlaygroundResource {

    /** The header every playground call carries (any value), against cross-site requests riding on the session. */
    static final String MARKER = "X-LLM-Admin-Playground";

    private final ChatCompletionsResource completions;
    private final EmbeddingsResource embeddings;

    @Inject
    public PlaygroundResource(ChatCompletionsResource completions, EmbeddingsResource embeddings) {
        this.completions = completions;
        this.embeddings = embeddings;
    }

    /** For the CDI proxy only. */
    protected PlaygroundResource() {
        this(null, null);
    }

    @POST
    @Path("/chat/completions")
    public Response complete(String body, @Context SecurityContext security, @HeaderParam(MARKER) String marker) {
        return completions.complete(body, admin(security, marker), null);
    }

    @POST
    @Path("/embeddings")
    public Response embed(String body, @Context SecurityContext security, @HeaderParam(MARKER) String marker) {
        return embeddings.embed(body, admin(security, marker));
    }

    private static GatewayCaller admin(SecurityContext security, String marker) {
        if (marker == null || marker.isBlank()) {
            throw new OpenAiException(
                    403,
                    "invalid_request_error",
                    null,
                    "missing_header",
                    "Playground calls come from the console page (the " + MARKER + " header is missing).",
                    null);
        }
        if (security.getUserPrincipal() == null || !security.isUserInRole("admin")) {
            throw new OpenAiException(
                    403,
                    "invalid_request_error",
                    null,
                    "admin_only",
                    "Only admins try models without a key; paste a gateway key to try a model as its application.",
                    null);
        }
        return GatewayCaller.consoleAdmin(security.getUserPrincipal().getName());
    }
}
