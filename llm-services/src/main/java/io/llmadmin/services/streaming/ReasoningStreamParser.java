package io.llmadmin.services.streaming;

import java.util.List;

/**
 * Separates reasoning from the response in a chat stream, chunk by chunk (the upstream agent-zero rules of the legacy
 * {@code ChatGenerationResult}).
 *
 * <ul>
 *   <li>Once a chunk carries native reasoning, that chunk and every later one pass through unchanged.
 *   <li>Otherwise a {@code <think>...</think>} or {@code <reasoning>...</reasoning>} block at the very start of the
 *       stream is reasoning, emitted as it arrives; what follows the closing tag is response.
 *   <li>A tag split across chunks is held back until it can be decided, and only the undecided characters are held.
 *   <li>At the end of the stream ({@link #finish()}), an unclosed block is reasoning and a held text that never became an
 *       opening tag is response.
 * </ul>
 *
 * <p>Not thread-safe: one parser per stream, fed by one thread at a time.
 */
public final class ReasoningStreamParser {

    private static final List<String[]> TAG_PAIRS =
            List.of(new String[] {"<think>", "</think>"}, new String[] {"<reasoning>", "</reasoning>"});

    private enum State {
        /** Nothing decided yet: the text seen so far could still open a reasoning block. */
        START,
        /** Inside a leading reasoning block, waiting for {@link #closingTag}. */
        REASONING_BLOCK,
        /** Everything from here on is response (or native reasoning). */
        PASS_THROUGH
    }

    private final StringBuilder response = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder held = new StringBuilder();
    private State state = State.START;
    private String closingTag;

    /**
     * Takes the next chunk and returns what to emit now.
     *
     * @param responseDelta the chunk's response text; null counts as empty
     * @param reasoningDelta the chunk's native reasoning; null counts as empty
     * @return the deltas to pass on, possibly both empty while a tag is undecided
     */
    public StreamDelta addChunk(String responseDelta, String reasoningDelta) {
        String text = responseDelta == null ? "" : responseDelta;
        String nativeReasoning = reasoningDelta == null ? "" : reasoningDelta;
        StreamDelta delta;
        if (!nativeReasoning.isEmpty() && state != State.PASS_THROUGH) {
            StreamDelta flushed = flushHeld();
            state = State.PASS_THROUGH;
            delta = new StreamDelta(flushed.response() + text, flushed.reasoning() + nativeReasoning);
        } else {
            delta = switch (state) {
                case PASS_THROUGH -> new StreamDelta(text, nativeReasoning);
                case START -> start(text);
                case REASONING_BLOCK -> insideBlock(text);
            };
        }
        response.append(delta.response());
        reasoning.append(delta.reasoning());
        return delta;
    }

    /** Ends the stream: releases whatever was held back, and returns it as the last deltas. */
    public StreamDelta finish() {
        StreamDelta delta = flushHeld();
        state = State.PASS_THROUGH;
        response.append(delta.response());
        reasoning.append(delta.reasoning());
        return delta;
    }

    /** The totals so far, counting held-back text as {@link #finish()} would; does not end the stream. */
    public StreamDelta output() {
        StreamDelta pending = pendingAsFinished();
        return new StreamDelta(response + pending.response(), reasoning + pending.reasoning());
    }

    private StreamDelta start(String text) {
        held.append(text);
        String buffer = held.toString();
        for (String[] pair : TAG_PAIRS) {
            if (buffer.startsWith(pair[0])) {
                held.setLength(0);
                state = State.REASONING_BLOCK;
                closingTag = pair[1];
                return insideBlock(buffer.substring(pair[0].length()));
            }
        }
        for (String[] pair : TAG_PAIRS) {
            if (pair[0].startsWith(buffer)) {
                return StreamDelta.EMPTY; // still possibly an opening tag: hold it
            }
        }
        held.setLength(0);
        state = State.PASS_THROUGH;
        return new StreamDelta(buffer, "");
    }

    private StreamDelta insideBlock(String text) {
        String buffer = held + text;
        held.setLength(0);
        int close = buffer.indexOf(closingTag);
        if (close >= 0) {
            state = State.PASS_THROUGH;
            return new StreamDelta(buffer.substring(close + closingTag.length()), buffer.substring(0, close));
        }
        int keep = partialTagSuffix(buffer, closingTag);
        held.append(buffer, buffer.length() - keep, buffer.length());
        return new StreamDelta("", buffer.substring(0, buffer.length() - keep));
    }

    /** The length of the longest end of {@code text} that is a proper beginning of {@code tag}. */
    private static int partialTagSuffix(String text, String tag) {
        for (int length = Math.min(text.length(), tag.length() - 1); length > 0; length--) {
            if (text.regionMatches(text.length() - length, tag, 0, length)) {
                return length;
            }
        }
        return 0;
    }

    private StreamDelta flushHeld() {
        StreamDelta pending = pendingAsFinished();
        held.setLength(0);
        return pending;
    }

    private StreamDelta pendingAsFinished() {
        if (held.isEmpty()) {
            return StreamDelta.EMPTY;
        }
        return state == State.REASONING_BLOCK
                ? new StreamDelta("", held.toString())
                : new StreamDelta(held.toString(), "");
    }
}
