package io.llmadmin.web.console;

import java.util.Map;
import java.util.Optional;

/**
 * Which input of the model page shows a field error of the registry: the registry names fields by the admin API's JSON
 * paths ({@code limits.requestsPerMinute}), the page by its inputs' ids.
 */
final class ModelFormInputs {

    /** The registry's field paths (the admin API's JSON) and the ids of the inputs that edit them. */
    static final Map<String, String> COMPONENT_OF_FIELD = Map.ofEntries(
            Map.entry("id", "catalogId"),
            Map.entry("type", "type"),
            Map.entry("provider", "provider"),
            Map.entry("providerModelName", "providerModelName"),
            Map.entry("displayName", "displayName"),
            Map.entry("vendor", "vendor"),
            Map.entry("description", "description"),
            Map.entry("sortOrder", "sortOrder"),
            Map.entry("apiBase", "apiBase"),
            Map.entry("contextLength", "contextLength"),
            Map.entry("limits.requestsPerMinute", "requestsPerMinute"),
            Map.entry("limits.inputTokensPerMinute", "inputTokensPerMinute"),
            Map.entry("limits.outputTokensPerMinute", "outputTokensPerMinute"),
            Map.entry("credentialId", "credential"),
            Map.entry("extraKwargs", "extraKwargs"),
            Map.entry("fallbacks", "fallbackChoice"),
            Map.entry("parameters.temperatureMin", "temperatureMin"),
            Map.entry("parameters.temperatureMax", "temperatureMax"),
            Map.entry("parameters.topPMin", "topPMin"),
            Map.entry("parameters.topPMax", "topPMax"),
            Map.entry("parameters.maxTokens", "maxOutputTokens"),
            Map.entry(ModelEditor.CACHE_TTL_FIELD, "cacheTtl"));

    /**
     * The id of the input that edits a field the registry named, if the form shows that field: a member of the extra
     * kwargs is shown on the kwargs, one fallback of the list on the fallbacks.
     */
    static Optional<String> componentOf(String field) {
        String component = COMPONENT_OF_FIELD.get(field);
        if (component == null && field.startsWith("extraKwargs")) {
            component = COMPONENT_OF_FIELD.get("extraKwargs");
        }
        if (component == null && field.startsWith("fallbacks")) {
            component = COMPONENT_OF_FIELD.get("fallbacks");
        }
        return Optional.ofNullable(component);
    }

    private ModelFormInputs() {}
}
