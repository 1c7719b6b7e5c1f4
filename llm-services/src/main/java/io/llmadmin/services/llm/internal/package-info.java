/**
 * The chat service on LangChain4j: the provider factory that builds (and caches per configuration) each provider's
 * LangChain4j models, one JDK-based HTTP client under all of them (it keeps Retry-After, applies per-call timeouts and
 * aborts cancelled streams), the mapping of provider failures onto the exception family, the retry policy, the
 * parameter checks, and the inference-service client for images and speech.
 */
package io.llmadmin.services.llm.internal;
