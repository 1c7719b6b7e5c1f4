/**
 * Where a chat call goes besides its model, and whether it needs to go at all. {@link
 * io.llmadmin.services.routing.ResponseCache} serves an answer again for the same normalised request while the model's
 * TTL lasts ({@link io.llmadmin.services.routing.ResponseCachePolicies}, off by default; in process, or shared by every
 * instance through Redis when {@code REDIS_URL} is set). {@link io.llmadmin.services.routing.ModelRoutes} are catalog
 * ids that stand for several target models with weights (A/B splits, canaries), sticky per caller when asked. Callers
 * (the gateway) resolve a route and ask the cache before they call {@link io.llmadmin.services.llm.ChatService}; the
 * chat service itself knows neither, so its retries, fallbacks and cool-downs stay what they are.
 */
package io.llmadmin.services.routing;
