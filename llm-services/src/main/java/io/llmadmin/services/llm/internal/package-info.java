/**
 * The chat service on LangChain4j: the provider factory that builds (and caches per configuration) each provider's
 * LangChain4j models, one JDK-based HTTP client under all of them (it keeps Retry-After, applies per-call timeouts and
 * aborts cancelled streams), the mapping of provider failures onto the exception family, the retry policy, the
 * parameter checks, and the inference-service client for images and speech.
 *
 * <p>A call's steps are one class each, so that each can be read and changed alone: {@code LangChain4jChatService} is
 * the flow and the wiring; {@code Attempts}/{@code ModelAdmission}/{@code Attempt} the bookkeeping of a call to one
 * model and of each upstream attempt (key, one admission kept across retries, settlement, usage record); {@code Retries},
 * {@code Fallbacks} and {@code Resilience4jModelCooldowns} what happens after a failure; {@code BlockingChat},
 * {@code StreamingChat} (state machine {@code ChatStreamRun}, handler {@code StreamAttempt}), {@code EmbeddingCalls}
 * and {@code InferenceCalls} the calls themselves; {@code ProbingModelHealth} the health probes.
 */
package io.llmadmin.services.llm.internal;
