package it.llmadmin.legacyprobe;

import io.llmadmin.legacy.Models;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A legacy caller inside the server, for the integration tests only: code ported from Python that still calls the
 * facade, the way the real ones will until they move off it. It is packed into the test server's WAR alone
 * ({@code admin-web-it.war}, see the POM's integration-tests profile), never into the application's.
 * {@code POST /it-probe/legacy-caller?text=...} calls {@code approximate_tokens} through the facade once.
 */
@WebServlet("/it-probe/legacy-caller")
@SuppressWarnings("removal") // calling the deprecated facade is the point
public class LegacyCallerProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        int tokens = Models.approximateTokens(text == null ? "" : text);
        response.setContentType("application/json");
        response.getWriter().write("{\"approximateTokens\":" + tokens + "}");
    }
}
