/**
 * What routes a call besides the model itself, kept apart from the model entity so that routing can grow without
 * widening it: {@link io.llmadmin.domain.routing.ResponseCachePolicy} is how long a model's answers may be served again
 * from the response cache, and {@link io.llmadmin.domain.routing.ModelRoute} is a catalog id that stands for several
 * target models with weights (an A/B split or a canary).
 */
package io.llmadmin.domain.routing;
