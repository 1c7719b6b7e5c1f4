package io.llmadmin.services.registry.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.ProviderEndpoints;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.domain.model.Providers;
import io.llmadmin.services.audit.SecretMasking;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelHeaders;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Checks a whole {@link ModelDraft} and names every wrong field by its JSON path, so one answer lists every mistake.
 * The rules are the entity's guards plus what needs more than one field or the database (fallbacks must exist).
 */
final class ModelDraftValidator {

    static final int MAX_EXTRA_KWARGS_LENGTH = 20_000;

    private ModelDraftValidator() {}

    /**
     * @param modelExists whether a catalog id is stored (for the fallbacks)
     * @return every field error, empty when the draft may be stored
     */
    static List<FieldError> validate(ModelDraft draft, Predicate<String> modelExists) {
        return validate(draft, modelExists, id -> Optional.empty());
    }

    /**
     * @param modelExists whether a catalog id is stored (for the fallbacks)
     * @param credentials a stored credential by id (for the credential and its endpoint)
     * @return every field error, empty when the draft may be stored
     */
    static List<FieldError> validate(
            ModelDraft draft, Predicate<String> modelExists, LongFunction<Optional<ApiCredential>> credentials) {
        List<FieldError> errors = new ArrayList<>();
        String id = draft.catalogId();
        if (id == null || id.isEmpty()) {
            errors.add(new FieldError("id", "must not be empty"));
        } else if (!id.matches(ModelConfiguration.CATALOG_ID_PATTERN)) {
            errors.add(new FieldError(
                    "id", "must be a lower-case slug of letters, digits, '.', '_' or '-', at most 100 characters"));
        }
        if (draft.type() == null) {
            errors.add(new FieldError("type", "must be one of chat, embedding, image, speech"));
        }
        if (!Providers.isKnown(draft.provider())) {
            errors.add(new FieldError("provider", "must be one of " + String.join(", ", Providers.KNOWN)));
        }
        requireText(errors, "providerModelName", draft.providerModelName(), 200);
        requireText(errors, "displayName", draft.displayName(), 255);
        maxLength(errors, "vendor", draft.vendor(), 100);
        maxLength(errors, "description", draft.description(), 2000);
        checkApiBase(errors, draft.apiBase());
        nonNegative(errors, "contextLength", draft.contextLength());
        nonNegative(errors, "limits.requestsPerMinute", draft.limitRequestsPerMinute());
        nonNegative(errors, "limits.inputTokensPerMinute", draft.limitInputTokensPerMinute());
        nonNegative(errors, "limits.outputTokensPerMinute", draft.limitOutputTokensPerMinute());
        checkExtraKwargs(errors, draft.extraKwargsJson());
        checkFallbacks(errors, id, draft.fallbacks(), modelExists);
        checkParameters(errors, draft);
        checkCredential(errors, draft, credentials);
        return errors;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else {
            maxLength(errors, field, value, maxLength);
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }

    private static void nonNegative(List<FieldError> errors, String field, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, "must be >= 0 (0 = unlimited or unknown)"));
        }
    }

    private static void checkApiBase(List<FieldError> errors, String apiBase) {
        if (apiBase == null || apiBase.isEmpty()) {
            return;
        }
        maxLength(errors, "apiBase", apiBase, 500);
        try {
            URI uri = new URI(apiBase);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new FieldError("apiBase", "must be an http or https URL with a host, or empty"));
            } else if (uri.getRawUserInfo() != null
                    || !SecretMasking.maskUrl(apiBase).equals(apiBase)) {
                errors.add(
                        new FieldError("apiBase", "must not carry credentials; store API keys in the API-key vault"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("apiBase", "must be an http or https URL with a host, or empty"));
        }
    }

    private static void checkExtraKwargs(List<FieldError> errors, String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        if (json.length() > MAX_EXTRA_KWARGS_LENGTH) {
            errors.add(new FieldError("extraKwargs", "must be at most " + MAX_EXTRA_KWARGS_LENGTH + " characters"));
            return;
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonException e) {
            errors.add(new FieldError("extraKwargs", "must be a JSON object"));
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError("extraKwargs", "must be a JSON object"));
            return;
        }
        findSecrets(errors, "extraKwargs", value);
        ModelHeaders.check(value.asJsonObject()).stream()
                .filter(error -> !errors.contains(error))
                .forEach(errors::add);
    }

    private static void findSecrets(List<FieldError> errors, String path, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            value.asJsonObject().forEach((name, member) -> {
                if (SecretMasking.isSecretName(name)) {
                    errors.add(new FieldError(
                            path + "." + name, "looks like a secret; store API keys in the API-key vault"));
                } else {
                    findSecrets(errors, path + "." + name, member);
                }
            });
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<JsonValue> items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                findSecrets(errors, path + "[" + i + "]", items.get(i));
            }
        }
    }

    private static void checkFallbacks(
            List<FieldError> errors, String ownId, List<String> fallbacks, Predicate<String> modelExists) {
        if (fallbacks.size() > 20) {
            errors.add(new FieldError("fallbacks", "must list at most 20 models"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fallbacks.size(); i++) {
            String fallback = fallbacks.get(i);
            String field = "fallbacks[" + i + "]";
            if (fallback == null || !fallback.matches(ModelConfiguration.CATALOG_ID_PATTERN)) {
                errors.add(new FieldError(field, "must be a model id"));
            } else if (fallback.equals(ownId)) {
                errors.add(new FieldError(field, "a model cannot fall back to itself"));
            } else if (!seen.add(fallback)) {
                errors.add(new FieldError(field, "'" + fallback + "' is listed twice"));
            } else if (!modelExists.test(fallback)) {
                errors.add(new FieldError(field, "no model '" + fallback + "'"));
            }
        }
    }

    /**
     * A secret is only ever sent to its credential's endpoint: a model naming a credential must call that endpoint
     * (or below it). Without a named credential nothing is checked; the call then uses a credential of its endpoint
     * only.
     */
    private static void checkCredential(
            List<FieldError> errors, ModelDraft draft, LongFunction<Optional<ApiCredential>> credentials) {
        Long id = draft.credentialId();
        if (id == null) {
            return;
        }
        Optional<ApiCredential> found = credentials.apply(id);
        if (found.isEmpty()) {
            errors.add(new FieldError("credentialId", "no credential " + id));
            return;
        }
        ApiCredential credential = found.get();
        String name = credential.provider() + "/" + credential.label();
        if (draft.provider() != null && !credential.provider().equalsIgnoreCase(draft.provider())) {
            errors.add(new FieldError(
                    "credentialId", "credential " + name + " is for provider '" + credential.provider() + "'"));
            return;
        }
        if (credential.baseUrl() == null) {
            errors.add(new FieldError(
                    "credentialId", "credential " + name + " is not bound to an endpoint yet; bind it first"));
            return;
        }
        Optional<String> endpoint = ProviderEndpoints.effective(draft.provider(), draft.apiBase());
        if (endpoint.isEmpty() || !ProviderEndpoints.allows(credential.baseUrl(), endpoint.get())) {
            errors.add(new FieldError(
                    "apiBase",
                    "must be at the endpoint of credential " + name + " (" + credential.baseUrl()
                            + "): its secret is only ever sent there"));
        }
    }

    private static void checkParameters(List<FieldError> errors, ModelDraft draft) {
        double tMin = draft.temperatureMin();
        double tMax = draft.temperatureMax();
        if (!(tMin >= 0 && tMin <= ParameterRanges.TEMPERATURE_LIMIT)) {
            errors.add(new FieldError("parameters.temperatureMin", "must be between 0 and 2"));
        }
        if (!(tMax >= 0 && tMax <= ParameterRanges.TEMPERATURE_LIMIT)) {
            errors.add(new FieldError("parameters.temperatureMax", "must be between 0 and 2"));
        } else if (tMax < tMin) {
            errors.add(new FieldError("parameters.temperatureMax", "must be >= parameters.temperatureMin"));
        }
        double pMin = draft.topPMin();
        double pMax = draft.topPMax();
        if (!(pMin >= 0 && pMin <= ParameterRanges.TOP_P_LIMIT)) {
            errors.add(new FieldError("parameters.topPMin", "must be between 0 and 1"));
        }
        if (!(pMax >= 0 && pMax <= ParameterRanges.TOP_P_LIMIT)) {
            errors.add(new FieldError("parameters.topPMax", "must be between 0 and 1"));
        } else if (pMax < pMin) {
            errors.add(new FieldError("parameters.topPMax", "must be >= parameters.topPMin"));
        }
        if (draft.maxTokens() < 0) {
            errors.add(new FieldError("parameters.maxTokens", "must be >= 0 (0 = up to the context length)"));
        } else if (draft.contextLength() > 0 && draft.maxTokens() > draft.contextLength()) {
            errors.add(
                    new FieldError("parameters.maxTokens", "must be <= contextLength (" + draft.contextLength() + ")"));
        }
    }
}
