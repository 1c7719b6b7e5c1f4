package io.llmadmin.services.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.time.Duration;

/**
 * How one provider's LangChain4j clients are built: one small class per provider ({@code OpenAiModels},
 * {@code AnthropicModels}, ...), chosen by {@link LangChain4jModelFactory} from the model's {@link ProviderRoute}. Every
 * client gets the {@link ProviderHttpClient}, returns reasoning apart from the answer, and makes no retries of its
 * own: retries, timeouts and cancellation are the chat service's.
 *
 * <p>The classes' builder chains look alike but cannot be shared: each LangChain4j client has a builder type of its
 * own with no common interface, and each provider sets a slightly different subset (Ollama takes no key, streaming
 * clients take no retry count). One short class per provider is what changes when a provider's client does.
 */
interface ProviderModels {

    /**
     * What a client is built from.
     *
     * @param http the HTTP client every provider call goes through
     * @param baseUrl the model's api base, else the provider's, without a trailing slash
     * @param apiKey the key for this call; null when the provider takes none
     * @param modelName the provider's name of the model
     * @param timeout how long a call may take when it sets no timeout of its own
     * @param description names the model and provider in a not-configured failure
     * @param extraKwargsJson the model's extra kwargs (JSON object text, or null), for settings one provider honours
     *     (Gemini's {@code safety_settings})
     */
    record Settings(
            HttpClientBuilder http,
            String baseUrl,
            String apiKey,
            String modelName,
            Duration timeout,
            String description,
            String extraKwargsJson) {}

    ChatModel chat(Settings settings);

    StreamingChatModel streamingChat(Settings settings);

    /** An embedding client; by default the provider offers none. */
    default EmbeddingModel embedding(Settings settings) {
        throw new LlmNotConfiguredException(settings.description() + " offers no embeddings here");
    }
}
