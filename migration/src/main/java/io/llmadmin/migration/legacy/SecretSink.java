package io.llmadmin.migration.legacy;

/**
 * Where the importer hands the API keys it finds in legacy data ({@code api_key} inside kwargs, the settings'
 * {@code api_keys} and {@code *_api_key} fields), so that they land encrypted in the vault and never in a clear-text
 * column. Implemented by admin-web over the encrypted vault; the importer itself never writes a key anywhere.
 *
 * <p>The importer calls it only in a real run, after every row of the run was written and before it commits, inside
 * the run's transaction: a sink that takes part in that transaction (JTA) has its keys rolled back with the run, and
 * an exception from it rolls the whole run back. It is never called in a dry run, nor for a rejected row. A repeated
 * run hands the same keys again: storing the same secret under the same provider and label twice must change nothing.
 */
@FunctionalInterface
public interface SecretSink {

    /**
     * Stores one key.
     *
     * @param provider the routing id of the provider the key is for ({@code openai}, {@code anthropic}, ...)
     * @param label where it was found, for people ({@code imported:gpt-4o}, {@code imported:settings})
     * @param secret the key; never log it or put it in a message
     */
    void store(String provider, String label, String secret);

    /**
     * Stores one key for the endpoint of the legacy row it belonged to, so that it is sent there only.
     *
     * @param endpoint the row's api base, or null for the provider's official endpoint
     */
    default void store(String provider, String label, String secret, String endpoint) {
        store(provider, label, secret);
    }

    /**
     * Whether the vault already holds this key under this provider and label, so that storing it would change nothing
     * (the report then says the key did not move). The default knows nothing, so every key counts as stored.
     */
    default boolean holds(String provider, String label, String secret) {
        return false;
    }
}
