package io.llmadmin.web.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The admin API's role rules, checked before any resource runs: admins may do everything; viewers may read models and
 * the audit log and manage their own account ({@code /me}), nothing else. web.xml already requires every caller to
 * be signed in with one of the two roles; a refusal here is the API's JSON 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminRoleFilter implements ContainerRequestFilter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            request.abortWith(json(Response.Status.UNAUTHORIZED, SecurityErrorServlet.UNAUTHORIZED_JSON)
                    .header("WWW-Authenticate", "Basic realm=\"" + ConsoleAndApiAuthentication.REALM + "\"")
                    .build());
            return;
        }
        if (!allowed(
                request.getMethod(),
                request.getUriInfo().getPath(),
                security.isUserInRole("admin"),
                security.isUserInRole("viewer"))) {
            request.abortWith(json(Response.Status.FORBIDDEN, SecurityErrorServlet.FORBIDDEN_JSON)
                    .build());
        }
    }

    /**
     * Whether a caller with these roles may send this method to this path of the admin API.
     *
     * @param path the path below {@code /api/admin}, with or without a leading slash
     */
    static boolean allowed(String method, String path, boolean admin, boolean viewer) {
        if (admin) {
            return true;
        }
        if (!viewer) {
            return false;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String first = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        if (first.equals("me")) {
            return true;
        }
        if (first.equals("users")) {
            return false;
        }
        return READ_METHODS.contains(method);
    }

    private static Response.ResponseBuilder json(Response.Status status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
