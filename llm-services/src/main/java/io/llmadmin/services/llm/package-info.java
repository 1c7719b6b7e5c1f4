/**
 * The native API for calling a registered model: blocking and streaming chat (response and reasoning kept apart), tool
 * calls, JSON output, embeddings, images and speech. {@link io.llmadmin.services.llm.ChatService} is the entry point;
 * it takes immutable value types, checks every parameter against the model before calling, retries transient
 * failures before the first token, falls back to the model's fallback list, and reports every failure as an
 * {@link io.llmadmin.services.errors.LlmException}. LangChain4j stays behind it, in {@code internal}.
 *
 * <p>Three small interfaces plug the rest of the system in: {@link io.llmadmin.services.llm.ModelDirectory} (which
 * model a catalog id names, and its fallbacks), {@link io.llmadmin.services.llm.CallGuard} (the rate limiter: admit
 * before each upstream attempt, settle after) and {@link io.llmadmin.services.llm.CallRecorder} (usage recording).
 */
package io.llmadmin.services.llm;
