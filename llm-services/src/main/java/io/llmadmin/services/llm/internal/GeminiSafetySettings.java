package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.googleai.GeminiHarmBlockThreshold;
import dev.langchain4j.model.googleai.GeminiHarmCategory;
import dev.langchain4j.model.googleai.GeminiSafetySetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Gemini model's {@code safety_settings} kwargs (as the legacy application passed them on through LiteLLM: a list
 * of {@code {"category": "HARM_CATEGORY_...", "threshold": "BLOCK_..."}}) as LangChain4j's safety settings, sent in
 * every request's {@code safetySettings}. Entries naming a category or threshold LangChain4j does not know are left
 * out (the importer lists them on the row), so a stale entry never breaks the model's calls.
 */
final class GeminiSafetySettings {

    /** The kwargs member, as the legacy application named it. */
    static final String MEMBER = "safety_settings";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeminiSafetySettings() {}

    /** The settings of these kwargs; null when they name none (LangChain4j then sends none). */
    static List<GeminiSafetySetting> of(String extraKwargsJson) {
        if (extraKwargsJson == null || extraKwargsJson.isBlank()) {
            return null;
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(extraKwargsJson).path(MEMBER);
        } catch (java.io.IOException e) {
            return null;
        }
        List<GeminiSafetySetting> settings = new ArrayList<>();
        for (JsonNode entry : entries) {
            Optional<GeminiHarmCategory> category = named(GeminiHarmCategory.class, entry.path("category"));
            Optional<GeminiHarmBlockThreshold> threshold =
                    named(GeminiHarmBlockThreshold.class, entry.path("threshold"));
            if (category.isPresent() && threshold.isPresent()) {
                settings.add(new GeminiSafetySetting(category.get(), threshold.get()));
            }
        }
        return settings.isEmpty() ? null : settings;
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, JsonNode name) {
        if (!name.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
