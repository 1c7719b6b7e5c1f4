/**
 * The model catalog as clients see it: which active models exist, of which type, in which order.
 * {@link io.llmadmin.services.catalog.ModelCatalog} is the entry point; it serves from memory and is invalidated
 * whenever a model changes, so the frontend's {@code /v1/models} never waits on the database.
 */
package io.llmadmin.services.catalog;
