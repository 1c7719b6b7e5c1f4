package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/** A self-hosted Ollama server; it takes no key. */
final class OllamaModels implements ProviderModels {

    @Override
    public ChatModel chat(Settings s) {
        return OllamaChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .modelName(s.modelName())
                .returnThinking(true)
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }

    @Override
    public StreamingChatModel streamingChat(Settings s) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .modelName(s.modelName())
                .returnThinking(true)
                .timeout(s.timeout())
                .build();
    }

    @Override
    public EmbeddingModel embedding(Settings s) {
        return OllamaEmbeddingModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .modelName(s.modelName())
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }
}
