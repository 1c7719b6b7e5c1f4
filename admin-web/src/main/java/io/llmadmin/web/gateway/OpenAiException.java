package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * A refusal of the gateway, answered in OpenAI's error shape {@code {"error":{"message","type","param","code"}}}.
 */
public class OpenAiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Duration retryAfter;

    public OpenAiException(int status, String type, String param, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** A 400 about one request parameter. */
    static OpenAiException invalid(String param, String message) {
        return new OpenAiException(400, "invalid_request_error", param, null, message, null);
    }

    /** A 401: no key, or a key that is not (or no longer) ours. */
    static OpenAiException unauthenticated(String message) {
        return new OpenAiException(401, "invalid_request_error", null, "invalid_api_key", message, null);
    }

    /** A 404 for a model the key may not use or that does not exist: the same answer, so keys cannot probe. */
    static OpenAiException modelNotFound(String model) {
        return new OpenAiException(
                404,
                "invalid_request_error",
                "model",
                "model_not_found",
                "The model '" + model + "' does not exist or you do not have access to it.",
                null);
    }

    public int status() {
        return status;
    }

    /** The body: OpenAI's error object. */
    public JsonObject body() {
        JsonObjectBuilder error = JSON.createObjectBuilder()
                .add("message", getMessage() == null ? "" : getMessage())
                .add("type", type);
        addOrNull(error, "param", param);
        addOrNull(error, "code", code);
        return JSON.createObjectBuilder().add("error", error).build();
    }

    /** This refusal as a JSON response, with {@code Retry-After} (whole seconds, rounded up) when known. */
    public Response toResponse() {
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body().toString());
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"openai\"");
        }
        if (retryAfter != null) {
            response.header("Retry-After", Long.toString(retryAfterSeconds()));
        }
        return response.build();
    }

    /** Retry-After in whole seconds, rounded up, at least 1; 0 when not known. */
    long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static void addOrNull(JsonObjectBuilder builder, String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
    }
}
