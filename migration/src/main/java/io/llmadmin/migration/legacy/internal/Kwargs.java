package io.llmadmin.migration.legacy.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A legacy row's {@code kwargs}: must be a JSON object (or absent). API keys in it (a top-level member named {@code
 * api_key}, {@code apiKey}, {@code openai_api_key}, {@code api_keys}, ...: any name that ends in {@code apikey} or
 * {@code apikeys} once lower-cased and stripped of {@code _} and {@code -}) are taken out; what remains is kept as
 * compact JSON text, or nothing when nothing remains. Members are kept in their order.
 */
final class Kwargs {

    /** Looked up once: {@code Json.createReader} and friends search the service loader on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());

    private Kwargs() {}

    /**
     * The kwargs members the services apply to a call (see the chat service's model defaults); every other member is
     * kept as written but does nothing, and the report lists it as "kept, not applied".
     */
    static final java.util.Set<String> APPLIED = java.util.Set.of("temperature", "top_p", "max_tokens");

    /** The legacy member holding the models to fall back to: configuration, not kwargs. */
    static final String FALLBACKS = "fallbacks";

    /**
     * The cleaned kwargs: JSON text or null, the keys taken out, the fallbacks taken out (legacy model names), the
     * members kept but applied by no service, or why the text was refused.
     */
    record Cleaned(String json, List<String> secrets, String error, List<String> fallbacks, List<String> inert) {

        Cleaned(String json, List<String> secrets, String error) {
            this(json, secrets, error, List.of(), List.of());
        }

        @Override
        public String toString() {
            return "Cleaned[" + (error == null ? secrets.size() + " secrets" : error) + "]";
        }
    }

    static Cleaned clean(String text) {
        if (text == null || text.isBlank()) {
            return new Cleaned(null, List.of(), null);
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            String where;
            if (e.getLocation() == null) {
                where = "";
            } else if (e.getLocation().getStreamOffset() >= text.length() - 1) {
                where = " (it ends early)";
            } else {
                where = " (line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber() + ")";
            }
            return new Cleaned(null, List.of(), "kwargs is not valid JSON" + where);
        } catch (RuntimeException e) {
            return new Cleaned(null, List.of(), "kwargs is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Cleaned(
                    null,
                    List.of(),
                    "kwargs must be a JSON object, not "
                            + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        List<String> secrets = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        List<String> inert = new ArrayList<>();
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        int keptCount = 0;
        for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
            if (isKeyName(member.getKey())) {
                collect(member.getValue(), secrets);
            } else if (member.getKey().equals(FALLBACKS)) {
                // ["a", "b"], or LiteLLM's [{"this-model": ["a", "b"]}]: the names, in order.
                collect(member.getValue(), fallbacks);
            } else {
                kept.add(member.getKey(), member.getValue());
                keptCount++;
                if (!APPLIED.contains(member.getKey())) {
                    inert.add(member.getKey());
                }
            }
        }
        return new Cleaned(
                keptCount == 0 ? null : compact(kept.build()),
                List.copyOf(secrets),
                null,
                fallbacks.stream().distinct().toList(),
                List.copyOf(inert));
    }

    static boolean isKeyName(String name) {
        String folded = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return folded.endsWith("apikey") || folded.endsWith("apikeys");
    }

    private static void collect(JsonValue value, List<String> secrets) {
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            secrets.add(text.getString().trim());
        } else if (value instanceof JsonArray list) {
            list.forEach(item -> collect(item, secrets));
        } else if (value instanceof JsonObject map) {
            map.values().forEach(item -> collect(item, secrets));
        }
    }

    static String compact(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }
}
