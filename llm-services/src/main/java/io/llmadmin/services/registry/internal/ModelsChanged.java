package io.llmadmin.services.registry.internal;

/**
 * Fired inside the transaction that changed a model; observed after it commits.
 *
 * @param catalogId the model changed
 */
record ModelsChanged(String catalogId) {}
