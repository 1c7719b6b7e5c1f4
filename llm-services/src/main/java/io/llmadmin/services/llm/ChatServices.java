package io.llmadmin.services.llm;

import io.llmadmin.services.llm.internal.LangChain4jChatService;
import io.llmadmin.services.vault.ApiKeyVault;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Chat services built outside CDI, for callers that cannot inject one. The implementation stays in {@code internal}:
 * this is the public way in, so no other feature or module needs to name it.
 */
public final class ChatServices {

    private ChatServices() {}

    /**
     * A chat service that makes exactly one upstream attempt per call: no retries, no fallbacks, no rate limit of its
     * own, and no directory (only the {@code (ModelConfiguration, ...)} methods work). For callers that keep a retry
     * loop of their own, as the legacy facade does with its {@code a0_retry_attempts}.
     *
     * @param vault where each attempt gets its key (the caller may decorate it)
     * @param recorder receives every attempt, e.g. the usage recorder; {@link CallRecorder#none()} for nothing
     * @param callTimeout how long one attempt may take (for a stream: the longest silence)
     * @param inferenceServiceUrl where image and speech models are called
     * @param dataDirectory the data directory (the in-process model's native files go under it); may be null
     */
    public static ChatService singleAttempt(
            ApiKeyVault vault,
            CallRecorder recorder,
            Duration callTimeout,
            String inferenceServiceUrl,
            String dataDirectory) {
        return LangChain4jChatService.singleAttempt(vault, recorder, callTimeout, inferenceServiceUrl, dataDirectory);
    }

    /**
     * As {@link #singleAttempt}, one upstream attempt per model, but a call to a model of {@code directory} goes on to
     * that model's fallbacks (transitively, each once, as {@link ChatService} does) when its attempt fails before the
     * first token. For the legacy facade's calls to a registry model.
     *
     * @param directory where the fallbacks are found
     * @param scheduler the container's managed scheduled executor: a fallback's attempt starts there, and the vault
     *     it asks for the fallback's key may need the application's context; null for a private daemon thread
     */
    public static ChatService singleAttemptPerModel(
            ApiKeyVault vault,
            CallRecorder recorder,
            Duration callTimeout,
            String inferenceServiceUrl,
            String dataDirectory,
            ModelDirectory directory,
            ScheduledExecutorService scheduler) {
        return LangChain4jChatService.singleAttemptPerModel(
                vault, recorder, callTimeout, inferenceServiceUrl, dataDirectory, directory, scheduler);
    }
}
