/**
 * The chat service on LangChain4j: the provider factory that builds (and caches per configuration) each provider's
 * LangChain4j models, one JDK-based HTTP client under all of them (it keeps Retry-After, applies per-call timeouts and
 * aborts cancelled streams), the mapping of provider failures onto the exception family, the retry policy, the
 * parameter checks, and the inference-service client for images and speech.
 *
 * <p>A call's steps are one class each, so that each can be read and changed alone: {@code LangChain4jChatService} is
 * the flow and the wiring; {@code Attempts}/{@code Attempt} the bookkeeping of one upstream attempt (key, admission,
 * settlement, usage record); {@code Retries} and {@code Fallbacks} what happens after a failure; {@code BlockingChat},
 * {@code StreamingChat} (state machine {@code ChatStreamRun}, handler {@code StreamAttempt}), {@code EmbeddingCalls}
 * and {@code InferenceCalls} the calls themselves.
 */
package io.llmadmin.services.llm.internal;
