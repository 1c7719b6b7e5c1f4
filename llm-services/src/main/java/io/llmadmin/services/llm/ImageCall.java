package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;

/**
 * An image generation call (OpenAI's {@code images/generations} shape).
 *
 * @param model the catalog id of an image model
 * @param prompt what to draw
 * @param size e.g. {@code 1024x1024}, or null for the model's default
 * @param count how many images, 1 to 10
 * @param caller who is calling, for usage records; may be null
 */
public record ImageCall(String model, String prompt, String size, int count, String caller) {

    public ImageCall {
        if (model == null || model.isBlank()) {
            throw new InvalidLlmRequestException("model", "model must name a catalog id");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidLlmRequestException("prompt", "prompt must not be blank");
        }
        if (count < 1 || count > 10) {
            throw new InvalidLlmRequestException("n", "n must be between 1 and 10, was " + count);
        }
        if (size != null && !size.matches("\\d{2,5}x\\d{2,5}")) {
            throw new InvalidLlmRequestException("size", "size must look like 1024x1024, was '" + size + "'");
        }
    }
}
