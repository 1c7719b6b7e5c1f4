package io.llmadmin.services.llm;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import java.util.List;

/**
 * Calls the registered models. Every method checks its parameters against the model before anything is sent
 * ({@link InvalidLlmRequestException} naming the parameter), and reports every failure as an {@link LlmException}.
 * Transient failures (timeouts, 5xx, 429, connection errors) are retried with backoff before the first token, then the
 * model's fallbacks are tried in order.
 */
public interface ChatService {

    /** Asks for the whole answer at once. */
    ChatResult chat(ChatCall call);

    /**
     * Streams the answer to {@code listener} with response and reasoning apart, and returns at once. Checks the call
     * before returning: an invalid call throws here and never reaches the listener.
     */
    ChatStream stream(ChatCall call, ChatStreamListener listener);

    /** Embeds each text with an embedding model (catalog id). */
    Embeddings embed(String model, List<String> texts, String caller);

    /**
     * Like {@link #chat(ChatCall)}, for a configuration held in memory rather than looked up by the call's model id:
     * an unsaved model tried in the playground, or the legacy facade's {@code ModelConfig}. Its fallbacks still come
     * from the directory.
     */
    ChatResult chat(ModelConfiguration model, ChatCall call);

    /** Like {@link #stream(ChatCall, ChatStreamListener)}, for a configuration held in memory. */
    ChatStream stream(ModelConfiguration model, ChatCall call, ChatStreamListener listener);

    /** Like {@link #embed(String, List, String)}, for a configuration held in memory. */
    Embeddings embed(ModelConfiguration model, List<String> texts, String caller);

    /** Generates images with an image model, through the inference service. */
    GeneratedImages generateImage(ImageCall call);

    /** Speaks a text with a speech model, through the inference service. */
    SpeechAudio speak(SpeechCall call);
}
