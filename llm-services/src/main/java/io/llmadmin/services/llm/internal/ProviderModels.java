package io.llmadmin.services.llm.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiEmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiEmbeddingModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How one provider's LangChain4j clients are built, chosen by {@link LangChain4jModelFactory} from the model's
 * {@link ProviderRoute}. Every client gets the {@link ProviderHttpClient}, the model's address, key and name, the
 * default timeout, returns reasoning apart from the answer, and makes no retries of its own: retries, timeouts and
 * cancellation are the chat service's.
 *
 * <p>A provider is one row below: the builders it offers. LangChain4j gives each client a builder type of its own with
 * no common interface, but every builder names these options alike; so {@link #build} sets them once, by name, on any
 * builder, instead of fifteen copies of one builder chain. An option a builder lacks (streaming clients take no retry
 * count, embedding clients no reasoning switch) is left out by kind, and a name LangChain4j renames fails the build of
 * that client ({@code ProviderModelsTest} builds every provider's clients), never a call silently without it.
 */
final class ProviderModels {

    /** OpenAI, and every OpenAI-compatible server (deepseek, qwen, openrouter, groq, vllm, other) at its api base. */
    static final ProviderModels OPENAI = new ProviderModels(
            OpenAiChatModel::builder, OpenAiStreamingChatModel::builder, OpenAiEmbeddingModel::builder, true, false);
    /** Anthropic's Messages API; it offers no embeddings. */
    static final ProviderModels ANTHROPIC =
            new ProviderModels(AnthropicChatModel::builder, AnthropicStreamingChatModel::builder, null, true, false);
    /** Google's Gemini API (provider {@code gemini} or {@code google}); its chat clients take safety settings. */
    static final ProviderModels GEMINI = new ProviderModels(
            GoogleAiGeminiChatModel::builder,
            GoogleAiGeminiStreamingChatModel::builder,
            GoogleAiEmbeddingModel::builder,
            true,
            true);
    /** A self-hosted Ollama server; it takes no key. */
    static final ProviderModels OLLAMA = new ProviderModels(
            OllamaChatModel::builder, OllamaStreamingChatModel::builder, OllamaEmbeddingModel::builder, false, false);
    /** Mistral's API (provider {@code mistral} or {@code mistralai}). */
    static final ProviderModels MISTRAL = new ProviderModels(
            MistralAiChatModel::builder,
            MistralAiStreamingChatModel::builder,
            MistralAiEmbeddingModel::builder,
            true,
            false);

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
            String extraKwargsJson) {

        /** The same settings over an HTTP client that wraps each client the given one builds. */
        Settings overHttp(UnaryOperator<HttpClient> wrap) {
            return new Settings(
                    new WrappingHttpClientBuilder(http, wrap),
                    baseUrl,
                    apiKey,
                    modelName,
                    timeout,
                    description,
                    extraKwargsJson);
        }
    }

    private final Supplier<?> chat;
    private final Supplier<?> streamingChat;
    private final Supplier<?> embedding;
    private final boolean takesKey;
    private final boolean takesSafetySettings;

    /** A null embedding builder: the provider offers no embeddings. */
    private ProviderModels(
            Supplier<?> chat,
            Supplier<?> streamingChat,
            Supplier<?> embedding,
            boolean takesKey,
            boolean takesSafetySettings) {
        this.chat = chat;
        this.streamingChat = streamingChat;
        this.embedding = embedding;
        this.takesKey = takesKey;
        this.takesSafetySettings = takesSafetySettings;
    }

    ChatModel chat(Settings settings) {
        Object builder = common(chat.get(), settings);
        set(builder, "returnThinking", Boolean.class, true);
        set(builder, "maxRetries", Integer.class, 0);
        safetySettings(builder, settings);
        return build(builder, ChatModel.class);
    }

    StreamingChatModel streamingChat(Settings settings) {
        Object builder = common(streamingChat.get(), settings);
        set(builder, "returnThinking", Boolean.class, true);
        safetySettings(builder, settings);
        return build(builder, StreamingChatModel.class);
    }

    EmbeddingModel embedding(Settings settings) {
        if (embedding == null) {
            throw new LlmNotConfiguredException(settings.description() + " offers no embeddings here");
        }
        Object builder = common(embedding.get(), settings);
        set(builder, "maxRetries", Integer.class, 0);
        return build(builder, EmbeddingModel.class);
    }

    /** The options every client of every provider gets. */
    private Object common(Object builder, Settings settings) {
        set(builder, "httpClientBuilder", HttpClientBuilder.class, settings.http());
        set(builder, "baseUrl", String.class, settings.baseUrl());
        if (takesKey) {
            set(builder, "apiKey", String.class, settings.apiKey());
        }
        set(builder, "modelName", String.class, settings.modelName());
        set(builder, "timeout", Duration.class, settings.timeout());
        return builder;
    }

    private void safetySettings(Object builder, Settings settings) {
        if (takesSafetySettings) {
            set(builder, "safetySettings", List.class, GeminiSafetySettings.of(settings.extraKwargsJson()));
        }
    }

    /** Calls the builder's setter of that name and type (LangChain4j's builders change themselves and return this). */
    private static void set(Object builder, String option, Class<?> type, Object value) {
        invoke(builder, option, new Class<?>[] {type}, value);
    }

    private static <T> T build(Object builder, Class<T> type) {
        return type.cast(invoke(builder, "build", new Class<?>[0]));
    }

    private static Object invoke(Object builder, String method, Class<?>[] types, Object... arguments) {
        try {
            return builder.getClass().getMethod(method, types).invoke(builder, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "LangChain4j's " + builder.getClass().getName() + " has no option " + method + " taking "
                            + List.of(types),
                    e);
        }
    }
}
