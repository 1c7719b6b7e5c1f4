/**
 * The model form's "Test": one tiny real call through a model's own route (its provider, endpoint, credential and
 * limits), answered with our words only. A feature of its own because it uses the registry, the chat service and
 * the error family together, and none of those may depend on the others for it.
 */
package io.llmadmin.services.modeltest;
