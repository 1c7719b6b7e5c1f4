/**
 * Prices in the {@code model_price} table, read through a short-lived in-memory copy so that pricing a call (on the
 * request path, for budgets) does not query the database each time; a change made here drops the copy at once, one
 * made on another instance is seen within the copy's lifetime.
 */
package io.llmadmin.services.pricing.internal;
