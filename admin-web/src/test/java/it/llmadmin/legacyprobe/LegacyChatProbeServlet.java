package it.llmadmin.legacyprobe;

import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.ResponseAndReasoning;
import io.llmadmin.services.errors.LlmException;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * A legacy caller inside the server that chats, for the integration tests only (packed into the test server's WAR
 * alone, as {@link LegacyCallerProbeServlet} is): {@code POST /it-probe/legacy-chat?name=...&apiBase=...} does what
 * ported code does, {@code get_chat_model("other", name, api_base=apiBase, api_key=..., a0_retry_attempts=0)} and one
 * {@code unified_call} saying "Hi", and answers {@code {"response": ...}}, or {@code 502 {"error": <failure class>}}.
 */
@WebServlet("/it-probe/legacy-chat")
@SuppressWarnings("removal") // calling the deprecated facade is the point
public class LegacyChatProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The key the caller passes, as ported code passes its own: a test value, not a secret. */
    static final String CALLERS_KEY = "it-legacy-caller-key";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> kwargs =
                Map.of("api_base", request.getParameter("apiBase"), "api_key", CALLERS_KEY, "a0_retry_attempts", 0);
        String body;
        try {
            ResponseAndReasoning answer = Models.getChatModel("other", request.getParameter("name"), null, kwargs)
                    .unifiedCall(null, "Hi", null, null, null, null, null, null);
            body = Json.createObjectBuilder()
                    .add("response", answer.response())
                    .build()
                    .toString();
        } catch (LlmException failure) {
            response.setStatus(502);
            body = Json.createObjectBuilder()
                    .add("error", failure.getClass().getSimpleName())
                    .build()
                    .toString();
        }
        response.setContentType("application/json");
        response.getWriter().write(body);
    }
}
