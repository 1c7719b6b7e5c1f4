package io.llmadmin.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own 401 and 403 (web.xml error pages) as the API's JSON error, instead of an HTML page. The admin
 * API's sign-in ({@link ApiBasicAuthentication}) and role checks ({@link AdminRoleFilter}) write their JSON answers
 * themselves; this is the fallback for anything else the container refuses. Mapped to {@code /security-error} in
 * web.xml.
 */
public class SecurityErrorServlet extends HttpServlet {

    static final String UNAUTHORIZED_JSON =
            "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Sign in with HTTP Basic as a console user\"}";

    static final String FORBIDDEN_JSON = "{\"status\":403,\"error\":\"Forbidden\","
            + "\"message\":\"Your role may not do this; changes need the admin role\"}";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_FORBIDDEN;
        String json = switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED ->
                "{\"status\":401,\"error\":\"Unauthorized\","
                        + "\"message\":\"Sign in with HTTP Basic as a console user\"}";
            case HttpServletResponse.SC_FORBIDDEN ->
                "{\"status\":403,\"error\":\"Forbidden\","
                        + "\"message\":\"Your role may not do this; changes need the admin role\"}";
            default -> "{\"status\":" + status + ",\"error\":\"Error\",\"message\":\"Request refused\"}";
        };
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
