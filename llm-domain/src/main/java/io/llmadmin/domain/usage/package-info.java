/**
 * What every LLM call cost: {@link io.llmadmin.domain.usage.UsageRecord} is one call's model, caller, tokens, latency
 * and {@link io.llmadmin.domain.usage.UsageOutcome outcome}. Records are appended, never changed; llm-services writes
 * them in batches off the request path and sums them per model for the console.
 */
package io.llmadmin.domain.usage;
