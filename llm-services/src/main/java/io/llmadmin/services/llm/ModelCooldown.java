package io.llmadmin.services.llm;

/**
 * One model out of rotation.
 *
 * @param modelId the catalog id
 * @param state {@code COOLING_DOWN} (calls skip it) or {@code PROBING} (the next call tries it: success readmits it,
 *     failure starts another cool-down)
 * @param failureRatePercent the share of failed calls in the window that took it out
 */
public record ModelCooldown(String modelId, String state, float failureRatePercent) {}
