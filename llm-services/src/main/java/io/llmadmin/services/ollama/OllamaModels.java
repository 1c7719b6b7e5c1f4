package io.llmadmin.services.ollama;

import java.util.List;
import java.util.Optional;

/**
 * The local models on the Ollama servers llm-admin knows. An endpoint is a server's base URL; it must be one in use
 * (a catalog model's api base, the default {@code http://localhost:11434}, one configured in {@code OLLAMA_ENDPOINTS})
 * or on a loopback address, so that this API cannot be used to probe the network.
 *
 * <p>Failures: {@link io.llmadmin.services.changes.InvalidChangeException} (a bad or disallowed endpoint or name),
 * {@link io.llmadmin.services.changes.UnknownEntityException} (no such model or job, never retried), {@link
 * io.llmadmin.services.changes.ConflictingChangeException} (refused: in use, finished), {@link
 * OllamaUnreachableException}, {@link OllamaFailureException}. Transient failures are retried with backoff first.
 */
public interface OllamaModels {

    /** The audit entity type of what is done to local models. */
    String ENTITY_TYPE = "OllamaModel";

    /** The endpoints in use, sorted: the default, the configured ones and the catalog's Ollama api bases. */
    List<String> endpoints();

    /**
     * The models installed at an endpoint, largest last.
     *
     * @param endpoint the server, or null for the default
     * @param category only models of this category, or null for all
     */
    List<LocalModel> list(String endpoint, SizeCategory category);

    /** One installed model. */
    LocalModel find(String endpoint, String name);

    /**
     * Starts pulling a model in the background and returns at once.
     *
     * @param expectedDigest the manifest digest the model must have when done, or null for any
     */
    PullJobView startPull(String actor, String endpoint, String name, String expectedDigest);

    Optional<PullJobView> pull(String jobId);

    /** The most recent pulls, newest first (at most {@code limit}). */
    List<PullJobView> recentPulls(int limit);

    /** Asks a running pull to stop; it ends CANCELLED within a moment. */
    PullJobView cancelPull(String actor, String jobId);

    /**
     * Removes a model from the server. Refused while a catalog model is routed to it, unless {@code confirmed}.
     */
    void remove(String actor, String endpoint, String name, boolean confirmed);

    /**
     * Adds an installed model to the catalog (type, context length, vision and tools from {@code /api/show}),
     * active.
     *
     * @param catalogId the id to give it, or null for one derived from the name ({@code ollama-llama3.2-3b})
     * @return the catalog id
     */
    String register(String actor, String endpoint, String name, String catalogId);
}
