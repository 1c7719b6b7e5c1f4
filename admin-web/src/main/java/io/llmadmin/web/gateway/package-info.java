/**
 * The OpenAI-compatible API under {@code /openai/v1} ({@code GET /models}, {@code POST /chat/completions}, blocking and
 * SSE streaming, {@code POST /embeddings}): OpenAI's request and response JSON over {@link io.llmadmin.services.llm.ChatService}, authenticated by
 * gateway keys ({@code Authorization: Bearer llmk_...}) rather than console users, with every error in OpenAI's shape
 * {@code {"error":{"message","type","param","code"}}}.
 */
package io.llmadmin.web.gateway;
