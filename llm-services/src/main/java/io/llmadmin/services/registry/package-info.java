/**
 * The model registry: {@link io.llmadmin.services.registry.ModelRegistry} lists, validates, creates, changes,
 * activates and deletes models, auditing each change and refreshing the client catalog once it is committed.
 * {@link io.llmadmin.services.registry.ModelDraft} is what a caller states about a model.
 */
package io.llmadmin.services.registry;
