/**
 * Local models on Ollama servers: what is installed (with its size category), pulls as background jobs whose progress
 * every admin sees, removals, one-click registration in the catalog, and the choice of a model by criteria. The web
 * layer sees only these interfaces and records; the HTTP client, the endpoint allow-list and the JPA job store are in
 * {@code internal}.
 */
package io.llmadmin.services.ollama;
