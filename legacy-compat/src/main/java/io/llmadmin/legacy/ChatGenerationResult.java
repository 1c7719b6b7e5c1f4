package io.llmadmin.legacy;

import io.llmadmin.services.streaming.ReasoningStreamParser;

/**
 * The legacy {@code ChatGenerationResult}: feeds a streamed answer chunk by chunk and splits reasoning from the
 * response with upstream agent-zero's rules (the fork's parser was broken). Pure delegation to the services'
 * {@link ReasoningStreamParser}. One per stream; not thread-safe.
 *
 * @deprecated Use {@link ReasoningStreamParser} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.streaming.ReasoningStreamParser")
public final class ChatGenerationResult {

    private final ReasoningStreamParser parser = new ReasoningStreamParser();

    /**
     * An empty result.
     *
     * @deprecated Use {@link ReasoningStreamParser#ReasoningStreamParser()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ChatGenerationResult() {
        LegacyCalls.count("ChatGenerationResult");
    }

    /**
     * {@code ChatGenerationResult(chunk)}: a result that has taken its first chunk (none when null).
     *
     * @deprecated Use {@link ReasoningStreamParser#addChunk(String, String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ChatGenerationResult(ChatChunk chunk) {
        LegacyCalls.count("ChatGenerationResult");
        if (chunk != null) {
            parser.addChunk(chunk.responseDelta(), chunk.reasoningDelta());
        }
    }

    /**
     * {@code add_chunk(chunk)}: takes the next chunk and returns the deltas to emit now (both empty while a tag is
     * undecided).
     *
     * @deprecated Use {@link ReasoningStreamParser#addChunk(String, String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ChatChunk addChunk(ChatChunk chunk) {
        return ChatChunk.of(parser.addChunk(chunk.responseDelta(), chunk.reasoningDelta()));
    }

    /**
     * {@code output()}: the totals so far, held-back text counted as if the stream ended here.
     *
     * @deprecated Use {@link ReasoningStreamParser#output()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ChatChunk output() {
        return ChatChunk.of(parser.output());
    }
}
