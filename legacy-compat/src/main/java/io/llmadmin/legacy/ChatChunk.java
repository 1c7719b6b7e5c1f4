package io.llmadmin.legacy;

import io.llmadmin.services.streaming.StreamDelta;

/**
 * The legacy {@code ChatChunk} typed dict: a piece of a streamed answer, response and reasoning apart.
 *
 * @param responseDelta the text meant for the user; null reads as empty
 * @param reasoningDelta the model's reasoning; null reads as empty
 * @deprecated Use {@link StreamDelta} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.streaming.StreamDelta")
public record ChatChunk(String responseDelta, String reasoningDelta) {

    /**
     * Null deltas read as empty, as Python's missing keys did.
     *
     * @deprecated Use {@link StreamDelta} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ChatChunk {
        responseDelta = responseDelta == null ? "" : responseDelta;
        reasoningDelta = reasoningDelta == null ? "" : reasoningDelta;
    }

    static ChatChunk of(StreamDelta delta) {
        return new ChatChunk(delta.response(), delta.reasoning());
    }
}
