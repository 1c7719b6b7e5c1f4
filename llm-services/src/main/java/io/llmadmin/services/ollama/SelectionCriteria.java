package io.llmadmin.services.ollama;

import io.llmadmin.domain.model.ModelType;

/**
 * What a caller needs of a model. Every criterion but the type is optional.
 *
 * @param type the kind of model (chat, embedding, ...)
 * @param minContextLength the smallest context window accepted, 0 = any
 * @param vision true: must accept images; null or false: need not
 * @param tools true: must accept tools; null or false: need not
 * @param maxCategory the largest size category accepted, or null for any; a model whose size is unknown (a cloud
 *     model) does not fit a size bound
 * @param provider only this provider, or null
 */
public record SelectionCriteria(
        ModelType type,
        int minContextLength,
        Boolean vision,
        Boolean tools,
        SizeCategory maxCategory,
        String provider) {}
