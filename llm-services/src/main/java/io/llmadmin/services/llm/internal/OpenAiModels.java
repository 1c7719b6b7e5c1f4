package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** OpenAI, and every OpenAI-compatible server (deepseek, qwen, openrouter, groq, vllm, other) at its api base. */
final class OpenAiModels implements ProviderModels {

    @Override
    public ChatModel chat(Settings s) {
        return OpenAiChatModel.builder()
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
        return OpenAiStreamingChatModel.builder()
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
        return OpenAiEmbeddingModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .maxRetries(0)
                .timeout(s.timeout())
                .build();
    }
}
