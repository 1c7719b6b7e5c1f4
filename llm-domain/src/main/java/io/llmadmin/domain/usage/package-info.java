/**
 * What every LLM call cost: {@link io.llmadmin.domain.usage.UsageRecord} is one call's model, caller, tokens, latency,
 * {@link io.llmadmin.domain.usage.UsageOutcome outcome} and cost. Records are appended, never changed; llm-services
 * writes them in batches off the request path and sums them for the console. A call's cost comes from the
 * {@link io.llmadmin.domain.usage.ModelPrice} in force when it started (price rows are appended, never changed), and
 * {@link io.llmadmin.domain.usage.Budget} caps what a gateway key or a model may spend per period.
 */
package io.llmadmin.domain.usage;
