package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiEmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;

/** Google's Gemini API (provider {@code gemini} or {@code google}). */
final class GeminiModels implements ProviderModels {

    @Override
    public ChatModel chat(Settings s) {
        return GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .returnThinking(true)
                .safetySettings(GeminiSafetySettings.of(s.extraKwargsJson()))
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }

    @Override
    public StreamingChatModel streamingChat(Settings s) {
        return GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .returnThinking(true)
                .safetySettings(GeminiSafetySettings.of(s.extraKwargsJson()))
                .timeout(s.timeout())
                .build();
    }

    @Override
    public EmbeddingModel embedding(Settings s) {
        return GoogleAiEmbeddingModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }
}
