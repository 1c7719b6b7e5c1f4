/**
 * Splits a streamed chat answer into response and reasoning as it arrives. Providers that report reasoning natively
 * (DeepSeek's {@code reasoning_content}, Anthropic's thinking) are passed through; models that write their reasoning
 * inline in a leading {@code <think>} or {@code <reasoning>} block have it parsed out, even when a tag is split across
 * chunks. {@link io.llmadmin.services.streaming.ReasoningStreamParser} is the entry point; it is the parser behind the
 * legacy {@code ChatGenerationResult}.
 */
package io.llmadmin.services.streaming;
