package io.llmadmin.services.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application, looked up once. Every {@code jakarta.json.Json.createXxx} call looks the
 * provider up again ({@code JsonProvider.provider()}: a {@code ServiceLoader} scan through Liberty's class loaders and
 * an OSGi check), and Parsson's provider brings a new buffer pool each time: in a JFR profile of the gateway under load
 * that lookup was 6.6 % of the CPU samples. Code on a request's path writes {@code JSON.createObjectBuilder()} (a
 * static import of {@link #JSON}) instead of {@code JSON.createObjectBuilder()}; the provider is thread-safe.
 */
public final class JsonProviders {

    /** The provider {@code JSON.createXxx} would have found, kept. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {}
}
