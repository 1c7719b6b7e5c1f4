package io.llmadmin.services.registry;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.audit.SecretMasking;
import io.llmadmin.services.changes.FieldError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model's own request headers: the {@code extra_headers} object of its extra kwargs (where the legacy application
 * kept them), sent with every call to its provider. Only plain headers belong here: a header that carries a secret is
 * a credential in the vault (the registry refuses secret-looking names anywhere in kwargs), and headers the HTTP
 * client owns (framing, host, content) cannot be set, so a model can neither leak a key nor break the request.
 */
public final class ModelHeaders {

    /** The kwargs member holding the headers, as the legacy application named it. */
    public static final String MEMBER = "extra_headers";

    public static final int MAX_HEADERS = 20;
    public static final int MAX_VALUE_LENGTH = 1000;

    /** RFC 9110's token: the characters a header name may have. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

    /** Headers the HTTP client or the provider's client sets itself. */
    private static final Set<String> RESERVED = Set.of(
            "host",
            "content-length",
            "content-type",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "upgrade",
            "expect",
            "accept-encoding");

    private ModelHeaders() {}

    /**
     * The headers of a model's stored kwargs, in their order; empty when there are none. Entries that would not pass
     * {@link #check} are left out (they cannot be stored through the registry, so this only guards older rows).
     */
    public static Map<String, String> of(String extraKwargsJson) {
        if (extraKwargsJson == null || extraKwargsJson.isBlank()) {
            return Map.of();
        }
        JsonValue kwargs;
        try (JsonReader reader = JSON.createReader(new StringReader(extraKwargsJson))) {
            kwargs = reader.readValue();
        } catch (JsonException e) {
            return Map.of();
        }
        if (kwargs.getValueType() != JsonValue.ValueType.OBJECT
                || !(kwargs.asJsonObject().get(MEMBER) instanceof JsonObject headers)) {
            return Map.of();
        }
        Map<String, String> valid = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof JsonString text && problem(name, text.getString()) == null) {
                valid.put(name, text.getString());
            }
        });
        return Collections.unmodifiableMap(valid);
    }

    /** What is wrong with the headers of these kwargs (a JSON object), as field errors; empty when nothing is. */
    public static List<FieldError> check(JsonObject kwargs) {
        JsonValue headers = kwargs.get(MEMBER);
        String field = "extraKwargs." + MEMBER;
        if (headers == null || headers.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (headers.getValueType() != JsonValue.ValueType.OBJECT) {
            return List.of(new FieldError(field, "must be an object of header names and text values"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (headers.asJsonObject().size() > MAX_HEADERS) {
            errors.add(new FieldError(field, "must hold at most " + MAX_HEADERS + " headers"));
        }
        headers.asJsonObject().forEach((name, value) -> {
            String problem = value instanceof JsonString text ? problem(name, text.getString()) : "must be text";
            if (problem != null) {
                errors.add(new FieldError(field + "." + name, problem));
            }
        });
        return errors;
    }

    private static String problem(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            return "is not a header name (letters, digits and !#$%&'*+.^_`|~- only, at most 100)";
        }
        if (SecretMasking.isSecretName(name)) {
            return "looks like a secret; store API keys in the API-key vault";
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "is set by the HTTP client and cannot be configured";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "must be at most " + MAX_VALUE_LENGTH + " characters";
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f)) {
            return "must not contain line breaks or control characters";
        }
        return null;
    }
}
