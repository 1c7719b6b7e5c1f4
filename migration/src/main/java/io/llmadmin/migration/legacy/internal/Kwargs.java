package io.llmadmin.migration.legacy.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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
import java.util.regex.Pattern;

/**
 * A legacy row's {@code kwargs}: must be a JSON object (or absent). Every secret-looking value in it is taken out for
 * the vault: a member at any depth whose name contains {@code key}, {@code token}, {@code secret}, {@code password},
 * {@code credential} or {@code authorization} (any case) and whose value is text ({@code api_key},
 * {@code extra_headers.Authorization: Bearer ...}, {@code extra_headers.x-api-key}, ...); a secret the vault could not
 * hold, or a URL with credentials anywhere, refuses the row instead, so nothing secret is ever stored in clear. What
 * remains is kept as compact JSON text, or nothing when nothing remains. Members are kept in their order.
 */
final class Kwargs {

    /** Looked up once: {@code Json.createReader} and friends search the service loader on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());

    private Kwargs() {}

    /**
     * The kwargs members the services apply to a call (the chat service's model defaults; {@code extra_headers} are
     * sent with every call to the provider, once the secret ones went to the vault); every other member is kept as
     * written but does nothing, and the report lists it as "kept, not applied".
     */
    static final java.util.Set<String> APPLIED =
            java.util.Set.of("temperature", "top_p", "max_tokens", "extra_headers");

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

    /** Gemini's safety settings: applied to a {@code gemini} model's calls, inert for any other provider. */
    static final String SAFETY_SETTINGS = "safety_settings";

    /** The categories and thresholds the services' Gemini client knows (LangChain4j's); others are not applied. */
    private static final java.util.Set<String> GEMINI_CATEGORIES = java.util.Set.of(
            "HARM_CATEGORY_HATE_SPEECH",
            "HARM_CATEGORY_SEXUALLY_EXPLICIT",
            "HARM_CATEGORY_DANGEROUS_CONTENT",
            "HARM_CATEGORY_HARASSMENT",
            "HARM_CATEGORY_CIVIC_INTEGRITY");

    private static final java.util.Set<String> GEMINI_THRESHOLDS = java.util.Set.of(
            "HARM_BLOCK_THRESHOLD_UNSPECIFIED",
            "BLOCK_LOW_AND_ABOVE",
            "BLOCK_MEDIUM_AND_ABOVE",
            "BLOCK_ONLY_HIGH",
            "BLOCK_NONE");

    static Cleaned clean(String text) {
        return clean(text, null);
    }

    /** The cleaned kwargs of a row of this provider (which decides what the services apply). */
    static Cleaned clean(String text, String provider) {
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
        List<String> problems = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        // Fallbacks are configuration, not kwargs: taken out before the secret scan, never kept as text.
        JsonObjectBuilder rest = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
            if (member.getKey().equals(FALLBACKS)) {
                // ["a", "b"], or LiteLLM's [{"this-model": ["a", "b"]}]: the names, in order.
                collect(member.getValue(), fallbacks);
            } else {
                rest.add(member.getKey(), member.getValue());
            }
        }
        JsonObject kept = cleanObject("kwargs", rest.build(), secrets, problems);
        if (!problems.isEmpty()) {
            return new Cleaned(null, List.of(), problems.get(0));
        }
        boolean gemini = "gemini".equals(provider);
        List<String> inert = new ArrayList<>();
        for (String name : kept.keySet()) {
            if (gemini && name.equals(SAFETY_SETTINGS)) {
                unknownSafetySettings(kept.get(name)).forEach(inert::add);
            } else if (!APPLIED.contains(name)) {
                inert.add(name);
            }
        }
        return new Cleaned(
                kept.isEmpty() ? null : compact(kept),
                List.copyOf(secrets),
                null,
                fallbacks.stream().distinct().toList(),
                inert);
    }

    /**
     * The entries of Gemini's safety settings the services cannot apply, named for the report: {@code
     * safety_settings[1] (HARM_CATEGORY_X / BLOCK_Y)}; a value that is not a list is inert as a whole.
     */
    private static List<String> unknownSafetySettings(JsonValue value) {
        if (!(value instanceof JsonArray entries)) {
            return List.of(SAFETY_SETTINGS);
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonValue entry = entries.get(i);
            String category = textMember(entry, "category");
            String threshold = textMember(entry, "threshold");
            if (!GEMINI_CATEGORIES.contains(category) || !GEMINI_THRESHOLDS.contains(threshold)) {
                unknown.add(SAFETY_SETTINGS + "[" + i + "] (unknown " + category + " / " + threshold + ")");
            }
        }
        return unknown;
    }

    private static String textMember(JsonValue entry, String name) {
        return entry instanceof JsonObject object && object.get(name) instanceof JsonString text
                ? text.getString()
                : "?";
    }

    /** Names that hold secrets, at any depth: key, token, secret, password, credential, authorization. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(key|token|secret|passw|credential|authorization).*");

    /** A URL that carries credentials: user-info, or a query parameter named like a secret. */
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile(
            "(?i)[a-z][a-z0-9+.-]*://[^/\\s@]*@.*|.*[?&][^=&]*(key|token|secret|passw|credential|signature)[^=&]*=.*");

    /**
     * The object without its secret-looking members (any depth). A member whose name looks like a secret and whose
     * value is text (or a list or object of texts) is a secret: it goes to {@code secrets}; one that the vault could
     * not hold (under 8 characters or with spaces) is a problem, so the row is rejected rather than stored in clear.
     * Numbers and booleans under such names ({@code max_tokens: 100}) are not secrets. A header {@code Authorization:
     * Bearer X} gives {@code X}. Any text holding a URL with credentials is a problem.
     */
    private static JsonObject cleanObject(String path, JsonObject object, List<String> secrets, List<String> problems) {
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String where = path + "." + member.getKey();
            JsonValue value = member.getValue();
            if (SECRET_NAME.matcher(member.getKey()).matches() && holdsText(value)) {
                List<String> found = new ArrayList<>();
                collect(value, found);
                for (String secret : found) {
                    String key = secret.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? secret.substring(7).trim()
                            : secret;
                    if (key.length() < 8 || key.chars().anyMatch(Character::isWhitespace)) {
                        problems.add(where + " looks like a secret but is not a key the vault can hold"
                                + " (8 or more characters without spaces); the row is not imported");
                    } else {
                        secrets.add(key);
                    }
                }
            } else {
                kept.add(member.getKey(), cleanValue(where, value, secrets, problems));
            }
        }
        return kept.build();
    }

    private static JsonValue cleanValue(String path, JsonValue value, List<String> secrets, List<String> problems) {
        if (value instanceof JsonObject object) {
            return cleanObject(path, object, secrets, problems);
        }
        if (value instanceof JsonArray list) {
            JsonArrayBuilder kept = JSON.createArrayBuilder();
            for (int i = 0; i < list.size(); i++) {
                kept.add(cleanValue(path + "[" + i + "]", list.get(i), secrets, problems));
            }
            return kept.build();
        }
        if (value instanceof JsonString text
                && CREDENTIALS_IN_URL.matcher(text.getString()).matches()) {
            problems.add(path + " holds a URL with credentials; the row is not imported");
        }
        return value;
    }

    private static boolean holdsText(JsonValue value) {
        if (value instanceof JsonString) {
            return true;
        }
        if (value instanceof JsonArray list) {
            return !list.isEmpty() && list.stream().allMatch(Kwargs::holdsText);
        }
        if (value instanceof JsonObject map) {
            return !map.isEmpty() && map.values().stream().allMatch(Kwargs::holdsText);
        }
        return false;
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
