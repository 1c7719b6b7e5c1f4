package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.GeneratedImages;
import io.llmadmin.services.llm.ImageCall;
import io.llmadmin.services.llm.SpeechAudio;
import io.llmadmin.services.llm.SpeechCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /openai/v1/images/generations} and {@code POST /openai/v1/audio/speech} for the catalog's image and
 * speech models, through the chat service's inference-service calls (the inference service at
 * {@code INFERENCE_SERVICE_URL}, or the model's OpenAI-compatible api base). Parameters the service cannot carry are
 * refused by name; their neutral values are accepted.
 */
@Path("/")
@ApplicationScoped
public class MediaResource {

    private static final Set<String> IMAGE_NOT_SUPPORTED =
            Set.of("style", "background", "moderation", "output_compression", "output_format", "partial_images");

    private final ChatService chat;
    private final ModelCatalog catalog;
    private final GatewayAuthentication authentication;

    @Inject
    public MediaResource(ChatService chat, ModelCatalog catalog, GatewayAuthentication authentication) {
        this.chat = chat;
        this.catalog = catalog;
        this.authentication = authentication;
    }

    /** For the CDI proxy only. */
    protected MediaResource() {
        this(null, null, null);
    }

    @POST
    @Path("images/generations")
    public Response generate(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        JsonObject request = ChatCompletionRequest.object(body);
        String model = requireModel(key, request, ModelType.IMAGE, "/images/generations");
        for (String name : IMAGE_NOT_SUPPORTED) {
            if (!JsonFields.absent(request, name)
                    && !"auto".equals(request.get(name).toString().replace("\"", ""))) {
                throw OpenAiException.invalid(name, "'" + name + "' is not supported by this gateway");
            }
        }
        String quality = JsonFields.string(request, "quality", "quality");
        if (quality != null && !List.of("auto", "standard").contains(quality)) {
            throw OpenAiException.invalid("quality", "quality must be 'auto' or 'standard' here");
        }
        String format = JsonFields.string(request, "response_format", "response_format");
        if (format != null && !List.of("url", "b64_json").contains(format)) {
            throw OpenAiException.invalid("response_format", "response_format must be 'url' or 'b64_json'");
        }
        Integer n = JsonFields.integer(request, "n", 1);
        GeneratedImages images;
        try {
            images = chat.generateImage(new ImageCall(
                    model,
                    JsonFields.string(request, "prompt", "prompt"),
                    JsonFields.string(request, "size", "size"),
                    n == null ? 1 : n,
                    ChatCompletionRequest.callerOf(key.caller(), JsonFields.string(request, "user", "user"))));
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(e.parameter(), e.getMessage());
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (GeneratedImages.Image image : images.images()) {
            JsonObjectBuilder item = JSON.createObjectBuilder();
            if (image.url() != null) {
                item.add("url", image.url());
            }
            if (image.base64() != null) {
                item.add("b64_json", image.base64());
            }
            if (image.revisedPrompt() != null) {
                item.add("revised_prompt", image.revisedPrompt());
            }
            data.add(item);
        }
        return Response.ok(
                        JSON.createObjectBuilder()
                                .add("created", Instant.now().getEpochSecond())
                                .add("data", data)
                                .build()
                                .toString(),
                        MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }

    @POST
    @Path("audio/speech")
    public Response speak(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        JsonObject request = ChatCompletionRequest.object(body);
        String model = requireModel(key, request, ModelType.SPEECH, "/audio/speech");
        Double speed = JsonFields.number(request, "speed");
        if (speed != null && speed != 1.0) {
            throw OpenAiException.invalid("speed", "speed is not supported by this gateway; send 1 or leave it out");
        }
        if (!JsonFields.absent(request, "instructions")) {
            throw OpenAiException.invalid("instructions", "'instructions' is not supported by this gateway");
        }
        String streamFormat = JsonFields.string(request, "stream_format", "stream_format");
        if (streamFormat != null && !streamFormat.equals("audio")) {
            throw OpenAiException.invalid("stream_format", "stream_format must be 'audio' here");
        }
        SpeechAudio audio;
        try {
            audio = chat.speak(new SpeechCall(
                    model,
                    JsonFields.string(request, "input", "input"),
                    JsonFields.string(request, "voice", "voice"),
                    JsonFields.string(request, "response_format", "response_format"),
                    key.caller()));
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(e.parameter(), e.getMessage());
        }
        return Response.ok(audio.audio(), audio.contentType()).build();
    }

    private String requireModel(GatewayKeyView key, JsonObject request, ModelType type, String path) {
        String model = ChatCompletionRequest.modelOf(request);
        if (model == null) {
            throw OpenAiException.invalid("model", "you must provide a model parameter (a catalog id)");
        }
        GatewayAuthentication.requireModel(key, model);
        CatalogEntry entry = catalog.activeModel(model).orElseThrow(() -> OpenAiException.modelNotFound(model));
        if (entry.type() != type) {
            throw OpenAiException.invalid(
                    "model",
                    "The model '" + model + "' is a " + entry.type().apiName() + " model; " + path + " needs a "
                            + type.apiName() + " model");
        }
        return model;
    }
}
