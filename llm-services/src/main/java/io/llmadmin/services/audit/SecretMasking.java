package io.llmadmin.services.audit;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks secrets in what is recorded or shown: the value of every JSON member whose name says it is a secret
 * ({@code api_key}, {@code password}, {@code access_token}, {@code Authorization}, ...), and the credentials or
 * secret-looking query parameters of a URL.
 */
public final class SecretMasking {

    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    /** A member name is secret when, without separators and in lower case, it ends with one of these words. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(apikey|secret|password|passwd|pwd|passphrase|token|accesskey|privatekey|authorization|credential"
                    + "|credentials|bearer|cookie|signature|key)");

    private static final Pattern SECRET_QUERY_PARAMETER =
            Pattern.compile("(?i)([?&][^=&]*(?:key|token|secret|password|sig|signature|auth)[^=&]*=)[^&#]*");

    private SecretMasking() {}

    /** Whether a member or parameter of this name holds a secret. */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_NAME.matcher(normalised).matches();
    }

    /** The value with every secret-named member, at any depth, replaced by {@link #MASK}. */
    public static JsonValue mask(JsonValue value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        return switch (value.getValueType()) {
            case OBJECT -> maskObject(value.asJsonObject());
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                value.asJsonArray().forEach(element -> array.add(mask(element)));
                yield array.build();
            }
            default -> value;
        };
    }

    private static JsonObject maskObject(JsonObject object) {
        JsonObjectBuilder masked = JSON.createObjectBuilder();
        object.forEach((name, member) -> {
            if (isSecretName(name) && member.getValueType() != JsonValue.ValueType.NULL) {
                masked.add(name, MASK);
            } else {
                masked.add(name, mask(member));
            }
        });
        return masked.build();
    }

    /**
     * A URL without its user info and with the values of secret-looking query parameters masked; text that is not a
     * URL is masked whole unless it is empty.
     */
    public static String maskUrl(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String withoutUserInfo =
                    uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", MASK + "@");
            return SECRET_QUERY_PARAMETER.matcher(withoutUserInfo).replaceAll("$1" + MASK);
        } catch (URISyntaxException e) {
            return MASK;
        }
    }
}
