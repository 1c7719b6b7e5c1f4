package io.llmadmin.services.llm;

import java.time.Instant;

/**
 * The last probe of one model.
 *
 * @param modelId the catalog id
 * @param status {@code UP} (it answered) or {@code DOWN}
 * @param latencyMillis how long the probe took
 * @param lastError when down: the failure's kind and message (which never holds a key); null when up
 * @param checkedAt when the probe ran
 */
public record ModelHealthView(String modelId, String status, long latencyMillis, String lastError, Instant checkedAt) {}
