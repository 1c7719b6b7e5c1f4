package io.llmadmin.services.catalog;

/**
 * A CDI event, fired synchronously by {@link ModelCatalog#invalidate()}: a model changed here (once committed), an
 * import committed, or another instance announced a change. Whatever else keeps models in memory (the gateway's model
 * directory) drops them on it, so that every path that drops the catalog drops those too.
 */
public record CatalogInvalidated() {}
