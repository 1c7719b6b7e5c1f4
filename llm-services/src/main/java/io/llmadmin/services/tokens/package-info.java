/**
 * Token counts before a call: the cl100k_base tokenizer (jtokkit, vocabulary shipped in its jar, nothing downloaded)
 * counts what a prompt will cost, so the rate limiter can reserve input tokens up front.
 * {@link io.llmadmin.services.tokens.TokenEstimator} is the entry point; its
 * {@link io.llmadmin.services.tokens.TokenEstimator#approximateTokens(String)} is the legacy module's estimate
 * (cl100k count plus 10 %, rounded down).
 */
package io.llmadmin.services.tokens;
