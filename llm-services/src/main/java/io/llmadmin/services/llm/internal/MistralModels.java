package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiEmbeddingModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;

/** Mistral's API (provider {@code mistral} or {@code mistralai}). */
final class MistralModels implements ProviderModels {

    @Override
    public ChatModel chat(Settings s) {
        return MistralAiChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .returnThinking(true)
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }

    @Override
    public StreamingChatModel streamingChat(Settings s) {
        return MistralAiStreamingChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .returnThinking(true)
                .timeout(s.timeout())
                .build();
    }

    @Override
    public EmbeddingModel embedding(Settings s) {
        return MistralAiEmbeddingModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }
}
