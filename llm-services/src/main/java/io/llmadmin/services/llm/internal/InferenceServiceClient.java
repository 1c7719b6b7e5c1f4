package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.GeneratedImages;
import io.llmadmin.services.llm.ImageCall;
import io.llmadmin.services.llm.SpeechAudio;
import io.llmadmin.services.llm.SpeechCall;
import io.llmadmin.services.registry.ModelHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Images and speech through the inference service ({@code INFERENCE_SERVICE_URL}, or the model's own api base), in
 * OpenAI's shapes: {@code POST images/generations} and {@code POST audio/speech}.
 */
final class InferenceServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultBase;
    private final HttpClient http;

    InferenceServiceClient(String defaultBase) {
        this.defaultBase = trimSlash(defaultBase);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    GeneratedImages images(ModelConfiguration model, ImageCall call, String apiKey, Duration timeout) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", model.providerModelName())
                .put("prompt", call.prompt())
                .put("n", call.count());
        if (call.size() != null) {
            body.put("size", call.size());
        }
        HttpResponse<byte[]> response = post(model, "/images/generations", body, apiKey, timeout);
        try {
            JsonNode data = JSON.readTree(response.body()).path("data");
            List<GeneratedImages.Image> images = new ArrayList<>();
            for (JsonNode image : data) {
                images.add(new GeneratedImages.Image(
                        text(image, "url"), text(image, "b64_json"), text(image, "revised_prompt")));
            }
            if (images.isEmpty()) {
                throw new LlmUnavailableException(
                        "The inference service answered no image for model '" + model.catalogId() + "'", null);
            }
            return new GeneratedImages(model.catalogId(), images);
        } catch (IOException e) {
            throw new LlmUnavailableException(
                    "The inference service answered unreadable JSON for model '" + model.catalogId() + "'", e);
        }
    }

    SpeechAudio speech(ModelConfiguration model, SpeechCall call, String apiKey, Duration timeout) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", model.providerModelName())
                .put("input", call.input())
                .put("response_format", call.format());
        if (call.voice() != null) {
            body.put("voice", call.voice());
        }
        HttpResponse<byte[]> response = post(model, "/audio/speech", body, apiKey, timeout);
        String contentType = response.headers().firstValue("Content-Type").orElse("audio/" + call.format());
        return new SpeechAudio(model.catalogId(), contentType, response.body());
    }

    /** OpenAI's own images and speech API, for an {@code openai} model that names no api base. */
    static final String OPENAI_BASE = "https://api.openai.com/v1";

    /**
     * Where a model's images or speech are made, so that a provider's key only ever goes to that provider's service:
     * the model's api base when it has one; the inference service for provider {@code inference-service}; OpenAI's
     * API for provider {@code openai}. Any other provider without an api base is refused rather than sent (with its
     * key) to the inference service.
     */
    String baseFor(ModelConfiguration model) {
        if (model.apiBase() != null && !model.apiBase().isBlank()) {
            return trimSlash(model.apiBase());
        }
        return switch (model.provider()) {
            case "inference-service" -> defaultBase;
            case "openai" -> OPENAI_BASE;
            default ->
                throw new LlmNotConfiguredException("Model '" + model.catalogId() + "' (provider '" + model.provider()
                        + "') has no image or speech service the server knows: set its api base, or use provider"
                        + " inference-service");
        };
    }

    private HttpResponse<byte[]> post(
            ModelConfiguration model, String path, ObjectNode body, String apiKey, Duration timeout) {
        String base = baseFor(model);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        // The model's own headers first: the names ModelHeaders allows never clash with the two set here.
        ModelHeaders.of(model.extraKwargsJson()).forEach(request::header);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("Interrupted while calling the inference service", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderHttpException(
                    response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8),
                    ProviderHttpClient.retryAfter(response.headers()));
        }
        return response;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String trimSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
