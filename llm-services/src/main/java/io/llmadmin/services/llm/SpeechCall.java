package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;

/**
 * A text-to-speech call (OpenAI's {@code audio/speech} shape).
 *
 * @param model the catalog id of a speech model
 * @param input the text to speak
 * @param voice the voice, or null for the model's default
 * @param format {@code mp3}, {@code wav}, {@code opus}, {@code aac}, {@code flac} or {@code pcm}; null means mp3
 * @param caller who is calling, for usage records; may be null
 */
public record SpeechCall(String model, String input, String voice, String format, String caller) {

    private static final java.util.Set<String> FORMATS = java.util.Set.of("mp3", "wav", "opus", "aac", "flac", "pcm");

    public SpeechCall {
        if (model == null || model.isBlank()) {
            throw new InvalidLlmRequestException("model", "model must name a catalog id");
        }
        if (input == null || input.isBlank()) {
            throw new InvalidLlmRequestException("input", "input must not be blank");
        }
        format = format == null ? "mp3" : format;
        if (!FORMATS.contains(format)) {
            throw new InvalidLlmRequestException(
                    "response_format", "response_format must be one of " + FORMATS + ", was '" + format + "'");
        }
    }
}
