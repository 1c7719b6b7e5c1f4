package io.llmadmin.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own 401 and 403 (web.xml error pages): the API's JSON error everywhere, except under the console
 * ({@code /console/*}), where a person in a browser gets a short HTML page instead (a viewer on an admin-only page).
 * The admin API's sign-in ({@link ConsoleAndApiAuthentication}) and role checks ({@link AdminRoleFilter}) write their
 * JSON answers themselves; this is the fallback for anything else the container refuses, and for Liberty's failure on a
 * Basic header without a colon (a 401). Mapped to {@code /security-error} in web.xml.
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
        String authorization = request.getHeader("Authorization");
        boolean malformedBasic = ConsoleAndApiAuthentication.isBasic(authorization)
                && ConsoleAndApiAuthentication.credentialOf(authorization) == null;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof StringIndexOutOfBoundsException
                && malformedBasic) {
            // Liberty's own parsing of a Basic header without a colon (web.xml's fallback): the client's header.
            status = HttpServletResponse.SC_UNAUTHORIZED;
        }
        if (status == HttpServletResponse.SC_UNAUTHORIZED && malformedBasic) {
            // The mechanism's challenge for a malformed Basic header: this realm, in UTF-8, on every path.
            response.setHeader(
                    "WWW-Authenticate", "Basic realm=\"" + ConsoleAndApiAuthentication.REALM + "\", charset=\"UTF-8\"");
        }
        if (isConsole(request)
                && (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN)) {
            writeHtml(response, status, request.getContextPath() + ConsoleAndApiAuthentication.CONSOLE_HOME);
            return;
        }
        String json = switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED ->
                "{\"status\":401,\"error\":\"Unauthorized\","
                        + "\"message\":\"Sign in with HTTP Basic as a console user\"}";
            case HttpServletResponse.SC_FORBIDDEN ->
                "{\"status\":403,\"error\":\"Forbidden\","
                        + "\"message\":\"Your role may not do this; changes need the admin role\"}";
            case HttpServletResponse.SC_BAD_REQUEST ->
                "{\"status\":400,\"error\":\"Bad Request\","
                        + "\"message\":\"The request is malformed (an encoded '/' in the path, for example)\"}";
            default -> "{\"status\":" + status + ",\"error\":\"Error\",\"message\":\"Request refused\"}";
        };
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }

    /** Whether the refused request asked for a console page. */
    static boolean isConsole(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path
                && path.startsWith(request.getContextPath() + ConsoleAndApiAuthentication.CONSOLE_PREFIX);
    }

    private static void writeHtml(HttpServletResponse response, int status, String home) throws IOException {
        String title = status == HttpServletResponse.SC_FORBIDDEN ? "Not allowed for your role" : "Not signed in";
        String text = status == HttpServletResponse.SC_FORBIDDEN
                ? "This page is for admins only. You are signed in as a viewer, who may read but not change."
                : "Sign in to use the console.";
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title
                        + " - llm-admin</title></head><body><h1>" + title + "</h1><p>" + text
                        + "</p><p><a href=\"" + home + "\">Back to the console</a></p></body></html>");
    }
}
