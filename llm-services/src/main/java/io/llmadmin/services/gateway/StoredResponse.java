package io.llmadmin.services.gateway;

/**
 * A Responses API response as the gateway stored it.
 *
 * @param id the response's id ({@code resp_...})
 * @param conversationJson the conversation up to and including the answer, in the gateway's own JSON
 * @param bodyJson the response object as it was returned
 */
public record StoredResponse(String id, String conversationJson, String bodyJson) {}
