package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.errors.ProviderError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the gateway as OpenAI's error JSON, so an OpenAI SDK raises its own matching exception. */
public final class OpenAiErrorMappers {

    private static final Logger LOG = Logger.getLogger(OpenAiErrorMappers.class.getName());

    private OpenAiErrorMappers() {}

    /**
     * The OpenAI error an LLM failure stands for: the caller's mistakes are 4xx naming the parameter, our limits and the
     * provider's 429 a 429 with Retry-After, a provider that refuses our key or fails a 502/503/504 (the client's key is
     * not at fault).
     */
    static OpenAiException of(LlmException failure) {
        String message = failure.getMessage();
        if (failure instanceof InvalidLlmRequestException invalid) {
            // A provider's refusal keeps its meaning: OpenAI's code and parameter (context_length_exceeded, ...).
            ProviderError said = failure.providerError().orElse(null);
            if (said != null) {
                return new OpenAiException(
                        400,
                        "invalid_request_error",
                        said.param() != null ? said.param() : openAiParameter(invalid.parameter()),
                        said.code(),
                        message,
                        null);
            }
            return OpenAiException.invalid(openAiParameter(invalid.parameter()), message);
        }
        if (failure instanceof LlmRateLimitedException limited && limited.budgetExhausted()) {
            return new OpenAiException(429, "insufficient_quota", null, "insufficient_quota", message, null);
        }
        if (failure instanceof LlmRateLimitedException limited) {
            return new OpenAiException(
                    429,
                    "rate_limit_error",
                    null,
                    "rate_limit_exceeded",
                    message,
                    limited.retryAfter().orElse(null));
        }
        if (failure instanceof LlmNotFoundException) {
            return new OpenAiException(404, "invalid_request_error", "model", "model_not_found", message, null);
        }
        // The provider's side: its own error text and our exception class names stay in the log, never reach the
        // client (they can name hosts, accounts, or internals); the client gets what it can act on.
        LOG.log(Level.FINE, "Gateway call failed upstream", failure);
        if (failure instanceof LlmAuthenticationException) {
            // Never the provider's text: a refusal of our key may quote it.
            return new OpenAiException(
                    502,
                    "api_error",
                    null,
                    "upstream_authentication",
                    "The provider refused the credential configured for this model; an administrator must fix it",
                    null);
        }
        if (failure instanceof LlmNotConfiguredException) {
            return new OpenAiException(
                    503,
                    "api_error",
                    null,
                    "model_not_configured",
                    "The model is not configured for calls on this server (no provider key); tell the administrator",
                    null);
        }
        if (failure instanceof LlmTimeoutException) {
            return new OpenAiException(
                    504, "api_error", null, "upstream_timeout", "The model's provider did not answer in time", null);
        }
        if (failure instanceof LlmUnavailableException) {
            return new OpenAiException(
                    502,
                    "api_error",
                    null,
                    "upstream_unavailable",
                    "The model's provider is unavailable; try again later",
                    null);
        }
        return new OpenAiException(502, "api_error", null, null, "The model's provider failed; try again later", null);
    }

    /** The service's parameter names are OpenAI's already, but for the parts of a message. */
    static String openAiParameter(String parameter) {
        if (parameter == null) {
            return null;
        }
        return switch (parameter) {
            case "content", "role", "images", "toolCallId", "toolCalls" -> "messages";
            default -> parameter;
        };
    }

    /** A refusal of the gateway. */
    public static class Gateway implements ExceptionMapper<OpenAiException> {
        @Override
        public Response toResponse(OpenAiException exception) {
            return exception.toResponse();
        }
    }

    /** A failure of the LLM call. */
    public static class Llm implements ExceptionMapper<LlmException> {
        @Override
        public Response toResponse(LlmException exception) {
            Response answer = of(exception).toResponse();
            return exception instanceof LlmRateLimitedException refused
                    ? RateLimitHeaders.addTo(answer, refused.headroom())
                    : answer;
        }
    }

    /** JAX-RS's own refusals: an unknown path, a wrong method, an unreadable body. */
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            String message = status == 404
                    ? "Unknown path; this gateway serves /openai/v1/models, /chat/completions, /responses, /embeddings,"
                            + " /images/generations and /audio/speech"
                    : Response.Status.fromStatusCode(status) == null
                            ? "HTTP " + status
                            : Response.Status.fromStatusCode(status).getReasonPhrase();
            String type = status >= 500 ? "api_error" : "invalid_request_error";
            return new OpenAiException(status, type, null, null, message, null).toResponse();
        }
    }

    /** Anything else: a 500 that says nothing of the inside; the log has the cause. */
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException exception) {
            LOG.log(Level.SEVERE, "Unexpected failure in the OpenAI-compatible gateway", exception);
            return new OpenAiException(500, "api_error", null, null, "The server failed; try again later", null)
                    .toResponse();
        }
    }
}
