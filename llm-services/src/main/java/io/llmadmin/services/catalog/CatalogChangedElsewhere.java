package io.llmadmin.services.catalog;

/**
 * A CDI event: another instance announced a change through the {@link CatalogBroadcast} (or this instance may have
 * missed one while cut off from Redis). Fired after this instance dropped its catalog snapshot, so that the other
 * snapshots of what clients may call (routes, response-cache policies, the gateway's keys) are dropped at once too.
 */
public record CatalogChangedElsewhere() {}
