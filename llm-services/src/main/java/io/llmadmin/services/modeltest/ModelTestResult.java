package io.llmadmin.services.modeltest;

/**
 * The outcome of testing a model.
 *
 * @param ok whether the model answered
 * @param message what happened, in our words (never a provider's text, which may quote a key)
 */
public record ModelTestResult(boolean ok, String message) {}
