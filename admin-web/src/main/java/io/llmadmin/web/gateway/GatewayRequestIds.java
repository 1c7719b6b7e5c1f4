package io.llmadmin.web.gateway;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every gateway answer names its request in {@code x-request-id}, as OpenAI's do, so a client's report can be found
 * in our logs: the client's own {@code X-Request-Id} when it sent a plain one (letters, digits, {@code .-_}, at most
 * 128), else a new one. Anything else a client sends there is not echoed (no header injection, no log forging).
 */
@Provider
public class GatewayRequestIds implements ContainerResponseFilter {

    static final String HEADER = "x-request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && PLAIN.matcher(given).matches()
                ? given
                : "req_" + UUID.randomUUID().toString().replace("-", "");
        response.getHeaders().putSingle(HEADER, id);
    }
}
