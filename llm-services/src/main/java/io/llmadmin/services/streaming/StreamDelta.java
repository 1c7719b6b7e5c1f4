package io.llmadmin.services.streaming;

/**
 * A piece of a streamed answer, with the response and the reasoning kept apart; also used for the totals.
 *
 * @param response the text meant for the user; never null
 * @param reasoning the model's reasoning; never null
 */
public record StreamDelta(String response, String reasoning) {

    public static final StreamDelta EMPTY = new StreamDelta("", "");

    public StreamDelta {
        response = response == null ? "" : response;
        reasoning = reasoning == null ? "" : reasoning;
    }

    /** Whether there is nothing to emit. */
    public boolean isEmpty() {
        return response.isEmpty() && reasoning.isEmpty();
    }
}
