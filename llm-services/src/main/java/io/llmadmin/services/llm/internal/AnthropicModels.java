package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** Anthropic's Messages API; it offers no embeddings. */
final class AnthropicModels implements ProviderModels {

    @Override
    public ChatModel chat(Settings s) {
        return AnthropicChatModel.builder()
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
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(s.http())
                .baseUrl(s.baseUrl())
                .apiKey(s.apiKey())
                .modelName(s.modelName())
                .returnThinking(true)
                .timeout(s.timeout())
                .build();
    }
}
