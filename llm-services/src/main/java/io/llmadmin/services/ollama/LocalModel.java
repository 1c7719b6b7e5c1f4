package io.llmadmin.services.ollama;

import java.util.List;

/**
 * A model installed on an Ollama server, as {@code /api/tags} and {@code /api/show} describe it.
 *
 * @param endpoint the server's base URL
 * @param name Ollama's name ({@code llama3.2:3b})
 * @param sizeBytes its size on disk
 * @param category {@code sizeBytes} as a category
 * @param parameterSize the parameter count as Ollama writes it ({@code 3.2B}), or null
 * @param quantization the quantization level ({@code Q4_K_M}), or null
 * @param contextLength the context window in tokens, or 0 when the server does not say
 * @param family the model family ({@code llama}), or null
 * @param digest the manifest digest
 * @param capabilities what the server says it does ({@code completion}, {@code vision}, {@code tools},
 *     {@code embedding}, ...)
 * @param registeredAs catalog ids of the models routed to this one on this endpoint (empty: not in the catalog)
 */
public record LocalModel(
        String endpoint,
        String name,
        long sizeBytes,
        SizeCategory category,
        String parameterSize,
        String quantization,
        int contextLength,
        String family,
        String digest,
        List<String> capabilities,
        List<String> registeredAs) {

    public LocalModel {
        capabilities = List.copyOf(capabilities);
        registeredAs = List.copyOf(registeredAs);
    }

    public boolean registered() {
        return !registeredAs.isEmpty();
    }

    public boolean embedding() {
        return capabilities.contains("embedding");
    }

    public boolean vision() {
        return capabilities.contains("vision");
    }

    public boolean tools() {
        return capabilities.contains("tools");
    }
}
