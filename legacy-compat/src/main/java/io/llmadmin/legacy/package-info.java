/**
 * The deprecated facade shaped like the legacy Python {@code models.py}, kept so ported callers work on day one while
 * they move to {@code llm-services}. Every type here is pure delegation and is marked for removal; the architecture
 * tests record who still imports it, and every call is counted per calling class in
 * {@link io.llmadmin.services.legacycalls.LegacyCallCounts}. Static functions reach the services through
 * {@link io.llmadmin.legacy.LegacyServices} (CDI inside Liberty, {@code install(...)} elsewhere).
 *
 * <table>
 *   <caption>Legacy Python names and their replacements</caption>
 *   <tr><th>Python</th><th>Facade</th><th>Use instead</th></tr>
 *   <tr><td>{@code ModelType}</td><td>{@link io.llmadmin.legacy.ModelType}</td>
 *       <td>{@link io.llmadmin.domain.model.ModelType}</td></tr>
 *   <tr><td>{@code ModelConfig}, {@code build_kwargs()}</td><td>{@link io.llmadmin.legacy.ModelConfig}</td>
 *       <td>{@link io.llmadmin.domain.model.ModelConfiguration}</td></tr>
 *   <tr><td>{@code LLMNotConfiguredError}</td><td>{@link io.llmadmin.legacy.LLMNotConfiguredError}</td>
 *       <td>{@link io.llmadmin.services.errors.LlmNotConfiguredException}</td></tr>
 *   <tr><td>{@code ChatChunk}</td><td>{@link io.llmadmin.legacy.ChatChunk}</td>
 *       <td>{@link io.llmadmin.services.streaming.StreamDelta}</td></tr>
 *   <tr><td>{@code ChatGenerationResult} ({@code add_chunk}, {@code output})</td>
 *       <td>{@link io.llmadmin.legacy.ChatGenerationResult}</td>
 *       <td>{@link io.llmadmin.services.streaming.ReasoningStreamParser}</td></tr>
 *   <tr><td>{@code get_api_key(service)}</td><td>{@link io.llmadmin.legacy.Models#getApiKey(String)}</td>
 *       <td>{@link io.llmadmin.services.vault.ApiKeyVault#requireKey(String)}</td></tr>
 *   <tr><td>{@code get_rate_limiter(provider, name, requests, input, output)}</td>
 *       <td>{@link io.llmadmin.legacy.Models#getRateLimiter}</td>
 *       <td>{@link io.llmadmin.services.ratelimit.RateLimiter} (limits on the registry model)</td></tr>
 *   <tr><td>{@code apply_rate_limiter}, {@code apply_rate_limiter_sync}</td>
 *       <td>{@link io.llmadmin.legacy.Models#applyRateLimiterAsync},
 *       {@link io.llmadmin.legacy.Models#applyRateLimiter}</td>
 *       <td>{@link io.llmadmin.services.ratelimit.RateLimiter#admit} (the chat service calls it)</td></tr>
 *   <tr><td>{@code approximate_tokens(text)}</td><td>{@link io.llmadmin.legacy.Models#approximateTokens(String)}</td>
 *       <td>{@link io.llmadmin.services.tokens.TokenEstimator#approximateTokens(String)}</td></tr>
 *   <tr><td>{@code get_chat_model(provider, name, model_config, **kwargs)}</td>
 *       <td>{@link io.llmadmin.legacy.Models#getChatModel}</td>
 *       <td>{@link io.llmadmin.services.llm.ChatService} with a registry model</td></tr>
 *   <tr><td>{@code get_embedding_model(provider, name, model_config, **kwargs)}</td>
 *       <td>{@link io.llmadmin.legacy.Models#getEmbeddingModel}</td>
 *       <td>{@link io.llmadmin.services.llm.ChatService#embed(String, java.util.List, String)}</td></tr>
 *   <tr><td>{@code LiteLLMChatWrapper}, {@code unified_call(...) -> (response, reasoning)}</td>
 *       <td>{@link io.llmadmin.legacy.LiteLLMChatWrapper#unifiedCall},
 *       {@link io.llmadmin.legacy.ResponseAndReasoning}</td>
 *       <td>{@link io.llmadmin.services.llm.ChatService#stream(io.llmadmin.services.llm.ChatCall,
 *       io.llmadmin.services.llm.ChatStreamListener)}, {@link io.llmadmin.services.llm.ChatResult}</td></tr>
 *   <tr><td>the error of a stream that failed after output started</td>
 *       <td>{@link io.llmadmin.legacy.PartialResponseError}</td>
 *       <td>{@link io.llmadmin.services.llm.ChatStreamListener#onError}</td></tr>
 *   <tr><td>{@code LiteLLMEmbeddingWrapper}, {@code LocalSentenceTransformerWrapper} ({@code embed_documents},
 *       {@code embed_query})</td><td>{@link io.llmadmin.legacy.LiteLLMEmbeddingWrapper}</td>
 *       <td>{@link io.llmadmin.services.llm.ChatService#embed(String, java.util.List, String)}</td></tr>
 *   <tr><td>{@code turn_off_logging()}</td><td>{@link io.llmadmin.legacy.Models#turnOffLogging()}</td>
 *       <td>logger levels in Liberty's {@code server.xml}</td></tr>
 *   <tr><td>(module globals: the key store, {@code rate_limiters})</td>
 *       <td>{@link io.llmadmin.legacy.LegacyServices}</td>
 *       <td>inject {@link io.llmadmin.services.llm.ChatService} and
 *       {@link io.llmadmin.services.vault.ApiKeyVault}</td></tr>
 * </table>
 *
 * <p>Not carried over: {@code BrowserCompatibleChatWrapper} / {@code get_browser_model} (browser-use's client; none of
 * the eight callers reach it through this facade) and LiteLLM kwargs with no equivalent in the services (anything but
 * {@code api_base}, {@code api_key}, {@code temperature}, {@code top_p}, {@code max_tokens}, {@code response_format}
 * json_object, {@code timeout}/{@code stream_timeout}), which are dropped and logged by name.
 */
package io.llmadmin.legacy;
