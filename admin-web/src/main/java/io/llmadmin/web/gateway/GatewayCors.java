package io.llmadmin.web.gateway;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CORS for browser clients of the gateway, off unless {@code GATEWAY_CORS_ALLOWED_ORIGINS} lists origins
 * (comma-separated, or {@code *} for any). An allowed origin's preflight is answered here, before authentication (a
 * browser sends no key with it); its actual requests get {@code Access-Control-Allow-Origin} and still need a key. No
 * cookies are involved, so credentials are never allowed.
 */
@PreMatching
public class GatewayCors implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_HEADERS = "Authorization, Content-Type, OpenAI-Organization, OpenAI-Project, "
            + "OpenAI-Beta, X-Stainless-Arch, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Package-Version, "
            + "X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Retry-Count, X-Stainless-Timeout";

    private final Set<String> allowedOrigins;

    /** RESTEasy builds filters itself (not through CDI): the origins are read from MicroProfile Config here. */
    public GatewayCors() {
        this(ConfigProvider.getConfig().getOptionalValue("GATEWAY_CORS_ALLOWED_ORIGINS", String.class));
    }

    GatewayCors(Optional<String> origins) {
        this.allowedOrigins = origins.map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private boolean allows(String origin) {
        return origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(origin));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null
                && allows(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", "Origin")
                    .build());
        }
    }

    /** The answer's headers a page of another origin may read: OpenAI's rate-limit headers included. */
    static final String EXPOSED_HEADERS = "Retry-After, X-Request-Id, x-ratelimit-limit-requests,"
            + " x-ratelimit-limit-tokens, x-ratelimit-remaining-requests, x-ratelimit-remaining-tokens,"
            + " x-ratelimit-reset-requests, x-ratelimit-reset-tokens";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (allows(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            response.getHeaders().add("Vary", "Origin");
        }
    }
}
