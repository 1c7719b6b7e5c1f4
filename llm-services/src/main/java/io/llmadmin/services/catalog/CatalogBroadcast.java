package io.llmadmin.services.catalog;

/**
 * Tells the other instances that the model catalog changed, so that they drop their snapshot too (ARCHITECTURE.md,
 * "Several instances": nothing one instance must see lives only in another's memory). Without it, another instance
 * shows a change after {@code MODEL_CACHE_TIMEOUT} at the latest. Public because the registry, another feature,
 * announces its changes through it.
 */
public interface CatalogBroadcast {

    /** Announces a committed change; never throws (a lost notice only delays the others until the snapshot's age). */
    void changed();

    /** Whether this instance hears the other instances' notices now: false without Redis, or while it is out of reach. */
    default boolean hearsOthers() {
        return false;
    }
}
