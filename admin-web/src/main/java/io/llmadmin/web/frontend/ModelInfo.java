package io.llmadmin.web.frontend;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One entry of {@code /v1/models}, in the shape the frontend's TypeScript interfaces declare. */
public sealed interface ModelInfo {

    /** The frontend shape for a catalog entry: chat and embedding list context length, image and speech the vendor. */
    static ModelInfo of(CatalogEntry entry) {
        return entry.type() == ModelType.CHAT || entry.type() == ModelType.EMBEDDING
                ? new TextModelInfo(entry.id(), entry.name(), entry.description(), entry.contextLength())
                : new MediaModelInfo(entry.id(), entry.name(), entry.description(), entry.vendor());
    }

    /** A chat or embedding model: {@code id, name, description, contextLength}. */
    @JsonbPropertyOrder({"id", "name", "description", "contextLength"})
    record TextModelInfo(String id, String name, String description, int contextLength) implements ModelInfo {}

    /** An image or speech model: {@code id, name, description, provider}, where provider is the vendor's name. */
    @JsonbPropertyOrder({"id", "name", "description", "provider"})
    record MediaModelInfo(String id, String name, String description, String provider) implements ModelInfo {}
}
