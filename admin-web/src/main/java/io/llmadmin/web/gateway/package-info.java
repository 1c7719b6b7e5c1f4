/**
 * The OpenAI-compatible API under {@code /openai/v1} ({@code GET /models}, {@code POST /chat/completions} and
 * {@code POST /responses}, blocking and SSE streaming, {@code POST /embeddings}, {@code POST /images/generations},
 * {@code POST /audio/speech}): OpenAI's request and response JSON over {@link io.llmadmin.services.llm.ChatService},
 * authenticated by gateway keys ({@code Authorization: Bearer llmk_...}) rather than console users, with every error in
 * OpenAI's shape {@code {"error":{"message","type","param","code"}}}. Requests are read by hand (Jakarta JSON-P) rather
 * than bound to classes, so that each parameter is either carried or refused by name: OpenAI's API grows faster than any
 * binding, and a silently ignored parameter is the failure this package exists to avoid. Both chat endpoints share the
 * request parts ({@link io.llmadmin.web.gateway.ChatMessages}, {@link io.llmadmin.web.gateway.ToolParameters}) and the
 * stream plumbing ({@link io.llmadmin.web.gateway.UpstreamEvents}); only their wire shapes differ.
 */
package io.llmadmin.web.gateway;
