package io.llmadmin.services.gateway;

import java.util.Optional;

/**
 * The Responses API's stored responses, in the database so that every instance, and the same one after a restart,
 * continues a conversation ({@code previous_response_id}) and answers {@code GET}/{@code DELETE /responses/{id}}. A
 * response is visible to the gateway key that made it alone, and only until its retention ends.
 */
public interface GatewayResponses {

    /** Stores a response for {@code keyId}, kept for the configured retention. */
    void store(long keyId, StoredResponse response);

    /** The response, when it exists, has not expired and {@code keyId} made it. */
    Optional<StoredResponse> find(String id, long keyId);

    /** Deletes the response if {@code keyId} made it (and it has not expired); whether it did. */
    boolean delete(String id, long keyId);
}
