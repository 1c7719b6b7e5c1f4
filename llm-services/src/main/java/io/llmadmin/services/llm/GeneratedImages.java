package io.llmadmin.services.llm;

import java.util.List;

/**
 * The images an image call produced.
 *
 * @param model the catalog id of the model
 * @param images the images, each a URL or base64 data
 */
public record GeneratedImages(String model, List<Image> images) {

    public GeneratedImages {
        images = List.copyOf(images);
    }

    /**
     * One image: the service answers either a URL or the image itself in base64.
     *
     * @param url where to fetch it, or null
     * @param base64 the encoded image, or null
     * @param revisedPrompt the prompt the model actually used, or null
     */
    public record Image(String url, String base64, String revisedPrompt) {}
}
