/**
 * The one exception family of every LLM call. Each failure says whether trying again can help
 * ({@link io.llmadmin.services.errors.LlmException#retriable()}); provider clients map their HTTP statuses onto it with
 * {@link io.llmadmin.services.errors.LlmFailures#fromHttpStatus}. Messages never carry an API key.
 */
package io.llmadmin.services.errors;
