package io.llmadmin.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The legacy kwargs, read the way LiteLLM read them: the global defaults of {@code SA01_LITELLM_GLOBAL_KWARGS}, the
 * facade's own keys ({@code a0_retry_*}, {@code api_key}, {@code api_base}), and the sampling parameters the services'
 * {@link ChatCall} takes. Whatever else a caller passed has no equivalent in the services and is dropped (logged by
 * name only).
 */
final class LegacyKwargs {

    static final String GLOBAL_KWARGS_VARIABLE = "SA01_LITELLM_GLOBAL_KWARGS";
    static final String RETRY_ATTEMPTS = "a0_retry_attempts";
    static final String RETRY_DELAY_SECONDS = "a0_retry_delay_seconds";
    static final String API_KEY = "api_key";

    private static final Logger LOG = Logger.getLogger(LegacyKwargs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys the facade itself consumes; never reported as dropped. */
    private static final Set<String> CONSUMED = Set.of(
            RETRY_ATTEMPTS,
            RETRY_DELAY_SECONDS,
            API_KEY,
            "api_base",
            "base_url",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "response_format",
            "timeout",
            "stream_timeout",
            "stream");

    private LegacyKwargs() {}

    /**
     * {@code SA01_LITELLM_GLOBAL_KWARGS}: a JSON object whose string values that read as numbers become numbers (ints
     * first, then floats), as the legacy module normalised its {@code .env} values. Unset, not JSON, or not an object:
     * no defaults, as before.
     */
    static Map<String, Object> globalDefaults(LegacyServices services) {
        String raw = services.variable(GLOBAL_KWARGS_VARIABLE).orElse(null);
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return defaults;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            LOG.warning(GLOBAL_KWARGS_VARIABLE + " is not valid JSON; ignored");
            return defaults;
        }
        if (tree == null || !tree.isObject()) {
            LOG.warning(GLOBAL_KWARGS_VARIABLE + " is not a JSON object; ignored");
            return defaults;
        }
        tree.fields().forEachRemaining(field -> defaults.put(field.getKey(), normalised(field.getValue())));
        return defaults;
    }

    private static Object normalised(JsonNode value) {
        if (value.isTextual()) {
            return numberOrText(value.textValue());
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return null;
        }
        return JSON.convertValue(value, Object.class);
    }

    /** Python's {@code int(v)}, else {@code float(v)}, else the text. */
    static Object numberOrText(String text) {
        String trimmed = text.trim();
        try {
            long integral = Long.parseLong(trimmed);
            return integral == (int) integral ? (Object) (int) integral : (Object) integral;
        } catch (NumberFormatException notInt) {
            // try a float
        }
        if (!trimmed.isEmpty() && Character.isLetter(trimmed.charAt(trimmed.length() - 1))) {
            return text; // Java would read "1d" or "1f"; Python would not
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException notFloat) {
            return text;
        }
    }

    /** A kwarg as a number: a number, or a string that reads as one; null when absent. */
    static Double number(Map<String, Object> kwargs, String name) {
        Object value = kwargs.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text && numberOrText(text) instanceof Number number) {
            return number.doubleValue();
        }
        throw new InvalidLlmRequestException(name, name + " must be a number");
    }

    /** The non-empty text of a kwarg, or null. */
    static String text(Map<String, Object> kwargs, String name) {
        Object value = kwargs.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /** {@code a0_retry_attempts} (default 2). */
    static int retryAttempts(Map<String, Object> kwargs) {
        Double attempts = number(kwargs, RETRY_ATTEMPTS);
        return attempts == null ? 2 : Math.max(0, attempts.intValue());
    }

    /** {@code a0_retry_delay_seconds} (default 1.5). */
    static Duration retryDelay(Map<String, Object> kwargs) {
        Double seconds = number(kwargs, RETRY_DELAY_SECONDS);
        return Duration.ofMillis(Math.max(0, Math.round((seconds == null ? 1.5 : seconds) * 1000)));
    }

    /** A configuration held in memory for one legacy model; its limits stay 0 (the legacy limiter applies). */
    static ModelConfiguration model(
            io.llmadmin.domain.model.ModelType type,
            String provider,
            String name,
            ModelConfig config,
            Map<String, Object> kwargs) {
        String slug =
                ("legacy-" + provider + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        ModelConfiguration model = new ModelConfiguration(
                slug.length() > 100 ? slug.substring(0, 100) : slug, type, provider, name, provider + "/" + name);
        String apiBase = apiBase(kwargs);
        boolean vision = config != null && config.vision();
        model.routeTo(apiBase, null, vision);
        // the old module never gated a call on what the model declared: the facade keeps it so
        model.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(true, vision, true, true, true));
        if (config != null && config.ctxLength() > 0) {
            model.contextLength(config.ctxLength());
        }
        return model;
    }

    /** The API base the kwargs name ({@code api_base}, else {@code base_url}), or null. */
    static String apiBase(Map<String, Object> kwargs) {
        String apiBase = text(kwargs, "api_base");
        return apiBase != null ? apiBase : text(kwargs, "base_url");
    }

    /** The services' call for these messages and kwargs. */
    static ChatCall chatCall(String catalogId, List<ChatMessage> messages, Map<String, Object> kwargs, String caller) {
        Double maxTokens = number(kwargs, "max_tokens");
        if (maxTokens == null) {
            maxTokens = number(kwargs, "max_completion_tokens");
        }
        Double timeout = number(kwargs, "stream_timeout");
        if (timeout == null) {
            timeout = number(kwargs, "timeout");
        }
        Object format = kwargs.get("response_format");
        boolean json = format instanceof Map<?, ?> map && "json_object".equals(map.get("type"));
        Set<String> dropped = new TreeSet<>(kwargs.keySet());
        dropped.removeAll(CONSUMED);
        if (!dropped.isEmpty()) {
            LOG.fine(() -> "kwargs without an equivalent in the services, not sent: " + dropped);
        }
        return ChatCall.builder(catalogId)
                .messages(messages)
                .temperature(number(kwargs, "temperature"))
                .topP(number(kwargs, "top_p"))
                .maxTokens(maxTokens == null ? null : maxTokens.intValue())
                .jsonOutput(json)
                .timeout(timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)))
                .caller(caller)
                .build();
    }
}
