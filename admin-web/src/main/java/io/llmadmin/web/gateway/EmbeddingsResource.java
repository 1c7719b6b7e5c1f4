package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.Embeddings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /openai/v1/embeddings}: OpenAI's embeddings request ({@code model}, {@code input} as a string or an array
 * of strings, {@code encoding_format} {@code float} or {@code base64}) over the chat service's embedding call, recorded
 * as {@code gateway:<key name>}. {@code usage} is the provider's count, or the gateway's estimate when it reports none.
 */
@Path("/embeddings")
@ApplicationScoped
public class EmbeddingsResource {

    private final ChatService chat;
    private final ModelCatalog catalog;
    private final GatewayAuthentication authentication;
    private final GatewayKeyLimiter limiter;

    @Inject
    public EmbeddingsResource(
            ChatService chat, ModelCatalog catalog, GatewayAuthentication authentication, GatewayKeyLimiter limiter) {
        this.chat = chat;
        this.catalog = catalog;
        this.authentication = authentication;
        this.limiter = limiter;
    }

    /** For the CDI proxy only. */
    protected EmbeddingsResource() {
        this(null, null, null, null);
    }

    @POST
    public Response embed(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return embed(body, GatewayCaller.of(authentication.require(authorization)));
    }

    /** The embeddings for this caller, a gateway key or (in the console's playground) a console admin. */
    public Response embed(String body, GatewayCaller caller) {
        JsonObject request = ChatCompletionRequest.object(body);
        String model = ChatCompletionRequest.modelOf(request);
        if (model == null) {
            throw OpenAiException.invalid("model", "you must provide a model parameter (a catalog id)");
        }
        caller.requireModel(model);
        CatalogEntry entry = catalog.activeModel(model).orElseThrow(() -> OpenAiException.modelNotFound(model));
        if (entry.type() != ModelType.EMBEDDING) {
            throw OpenAiException.invalid(
                    "model",
                    "The model '" + model + "' is a " + entry.type().name().toLowerCase(Locale.ROOT)
                            + " model; /embeddings needs an embedding model");
        }
        List<String> texts = inputs(request);
        boolean base64 = base64(request);
        JsonValue dimensions = request.get("dimensions");
        if (dimensions != null && dimensions.getValueType() != JsonValue.ValueType.NULL) {
            throw OpenAiException.invalid("dimensions", "'dimensions' is not supported by this gateway yet");
        }
        GatewayKeyLimiter.Reservation reservation = limiter.admit(caller, texts, 0);
        Embeddings embeddings;
        try {
            embeddings = chat.embed(model, texts, caller.name());
        } catch (InvalidLlmRequestException e) {
            reservation.settle(Optional.empty());
            throw OpenAiException.invalid(e.parameter() == null ? null : "input", e.getMessage());
        } catch (LlmException e) {
            reservation.settle(Optional.empty());
            throw reservation.withHeadroomOn(e);
        }
        reservation.settle(embeddings.usage());
        int promptTokens =
                embeddings.usage().map(usage -> usage.inputTokens()).orElse(reservation.estimatedInputTokens());
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (int i = 0; i < embeddings.vectors().size(); i++) {
            float[] vector = embeddings.vectors().get(i);
            data.add(JSON.createObjectBuilder()
                    .add("object", "embedding")
                    .add("index", i)
                    .add(
                            "embedding",
                            base64
                                    ? JSON.createValue(base64(vector))
                                    : floats(vector).build()));
        }
        JsonObject answer = JSON.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("model", embeddings.model())
                .add(
                        "usage",
                        JSON.createObjectBuilder()
                                .add("prompt_tokens", promptTokens)
                                .add("total_tokens", promptTokens))
                .build();
        return RateLimitHeaders.addTo(
                        Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")),
                        reservation.headroom().tighter(embeddings.rateLimits()))
                .header(GatewayCaller.KEY_LIMITS, caller.describedLimits().orElse(null))
                .build();
    }

    /** {@code input}: one string or a non-empty array of strings (token arrays are not supported). */
    static List<String> inputs(JsonObject request) {
        JsonValue input = request.get("input");
        if (input instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (input != null
                && input.getValueType() == JsonValue.ValueType.ARRAY
                && !input.asJsonArray().isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (JsonValue item : input.asJsonArray()) {
                if (!(item instanceof JsonString text)) {
                    throw OpenAiException.invalid(
                            "input", "input must be a string or an array of strings (token arrays are not supported)");
                }
                texts.add(text.getString());
            }
            return texts;
        }
        throw OpenAiException.invalid("input", "input must be a string or a non-empty array of strings");
    }

    static boolean base64(JsonObject request) {
        JsonValue format = request.get("encoding_format");
        if (format == null || format.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (format instanceof JsonString text
                && (text.getString().equals("float") || text.getString().equals("base64"))) {
            return text.getString().equals("base64");
        }
        throw OpenAiException.invalid("encoding_format", "encoding_format must be 'float' or 'base64'");
    }

    /** OpenAI's base64 form: the floats as little-endian 32-bit values. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static JsonArrayBuilder floats(float[] vector) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (float value : vector) {
            values.add((double) value);
        }
        return values;
    }
}
