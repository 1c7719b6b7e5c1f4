package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChoiceDelta;
import io.llmadmin.services.llm.ToolCallFragment;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a streamed chat completion's events as OpenAI's {@code chat.completion.chunk}s, one flushed {@code data:} line
 * each, and ends with {@code [DONE]} (or an error chunk). Each choice's pieces carry its {@code index}; a piece of text
 * carries the log probabilities of its tokens as the provider streamed them; the finish chunks of all choices come at
 * the end, then the usage of the whole call once.
 */
final class ChatChunkWriter {

    private static final Logger LOG = Logger.getLogger(ChatChunkWriter.class.getName());

    private final OutputStream out;
    private final String id;
    private final long created;
    private final ChatCompletionRequest request;
    private final GatewayKeyLimiter.Reservation reservation;
    private final ChatStream upstream;
    private final Consumer<ChatResult> keep;
    /** The tool call deltas of each choice, by choice index. */
    private final Map<Integer, ToolCallChunks> toolCalls = new HashMap<>();
    /** Choice 0's log probabilities received and not yet sent beside its text. */
    private JsonArrayBuilder pendingTokens = JSON.createArrayBuilder();

    private JsonArrayBuilder pendingRefusal = JSON.createArrayBuilder();
    private boolean pending;
    private boolean logprobsSent;
    private String model;

    ChatChunkWriter(
            OutputStream out,
            String id,
            long created,
            ChatCompletionRequest request,
            GatewayKeyLimiter.Reservation reservation,
            ChatStream upstream,
            Consumer<ChatResult> keep) {
        this.out = out;
        this.id = id;
        this.created = created;
        this.request = request;
        this.reservation = reservation;
        this.upstream = upstream;
        this.keep = keep;
    }

    void writeAll(UpstreamEvents.Event first, BlockingQueue<UpstreamEvents.Event> events) {
        model = upstream.model();
        try {
            for (int index = 0; index < request.call().options().choiceCount(); index++) {
                write(index, OpenAiResponses.roleDelta(), null, null);
            }
            UpstreamEvents.Event event = first;
            while (!(event instanceof UpstreamEvents.Done || event instanceof UpstreamEvents.Failed)) {
                if (event instanceof UpstreamEvents.Delta text) {
                    write(0, OpenAiResponses.contentDelta(text.text()), takePending(), null);
                } else if (event instanceof UpstreamEvents.Reasoning thinking) {
                    write(0, OpenAiResponses.reasoningDelta(thinking.text()), null, null);
                } else if (event instanceof UpstreamEvents.ToolCallPiece piece) {
                    toolCall(0, piece.fragment());
                } else if (event instanceof UpstreamEvents.Logprobs logprobs) {
                    hold(logprobs.json());
                } else if (event instanceof UpstreamEvents.OtherChoice other) {
                    writeOther(other.delta());
                }
                event = UpstreamEvents.next(events, upstream);
            }
            if (event instanceof UpstreamEvents.Done done && UpstreamEvents.isCutOff(done.result())) {
                event = new UpstreamEvents.Failed(UpstreamEvents.cutOff(), done.result());
            }
            if (event instanceof UpstreamEvents.Done done) {
                finish(done.result());
            } else if (event instanceof UpstreamEvents.Failed failed) {
                reservation.settle(failed.partial().usage());
                data(OpenAiErrorMappers.of(failed.failure()).body().toString());
            }
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "The client left a stream; cancelling the upstream call", clientGone);
            upstream.cancel();
            reservation.settle(Optional.empty());
        }
    }

    private void finish(ChatResult result) throws IOException {
        reservation.settle(result.usage());
        keep.accept(result);
        ChatResult answer = OpenAiResponses.withCallIds(result);
        for (JsonObject delta : chunksOf(0).remaining(answer.toolCalls())) {
            write(0, delta, null, null);
        }
        String held = takePending();
        if (held != null) {
            data(OpenAiResponses.logprobsChunk(id, created, model, held).toString());
        } else if (!logprobsSent && answer.logprobsJson() != null) {
            // A kept answer replayed: its log probabilities were never streamed beside its text.
            data(OpenAiResponses.logprobsChunk(id, created, model, answer.logprobsJson())
                    .toString());
        }
        write(0, JsonValue.EMPTY_JSON_OBJECT, null, OpenAiResponses.finishReason(answer, request.legacyFunctions()));
        List<ChatResult> others = answer.otherChoices();
        for (int i = 0; i < others.size(); i++) {
            ChatResult other = others.get(i);
            for (JsonObject delta : chunksOf(i + 1).remaining(other.toolCalls())) {
                write(i + 1, delta, null, null);
            }
            write(
                    i + 1,
                    JsonValue.EMPTY_JSON_OBJECT,
                    null,
                    OpenAiResponses.finishReason(other, request.legacyFunctions()));
        }
        if (request.includeUsage() && result.usage().isPresent()) {
            data(OpenAiResponses.usageChunk(id, created, model, result.usage().get())
                    .toString());
        }
        data("[DONE]");
    }

    private void writeOther(ChoiceDelta delta) throws IOException {
        if (!delta.reasoning().isEmpty()) {
            write(delta.index(), OpenAiResponses.reasoningDelta(delta.reasoning()), null, null);
        }
        if (!delta.response().isEmpty() || delta.logprobsJson() != null) {
            write(delta.index(), OpenAiResponses.contentDelta(delta.response()), delta.logprobsJson(), null);
        }
        for (ToolCallFragment fragment : delta.toolCalls()) {
            toolCall(delta.index(), fragment);
        }
    }

    private void toolCall(int choice, ToolCallFragment fragment) throws IOException {
        JsonObject delta = chunksOf(choice).fragment(fragment);
        if (delta != null) {
            write(choice, delta, null, null);
        }
    }

    private ToolCallChunks chunksOf(int choice) {
        return toolCalls.computeIfAbsent(choice, c -> new ToolCallChunks(request.legacyFunctions()));
    }

    /** Keeps a chunk's log probabilities for the text that follows. */
    private void hold(String logprobsJson) {
        JsonObject logprobs = JSON.createReader(new StringReader(logprobsJson)).readObject();
        if (logprobs.get("content") instanceof jakarta.json.JsonArray tokens) {
            tokens.forEach(pendingTokens::add);
        }
        if (logprobs.get("refusal") instanceof jakarta.json.JsonArray tokens) {
            tokens.forEach(pendingRefusal::add);
        }
        pending = true;
    }

    /** The log probabilities held so far as one {@code logprobs} object, or null when none are held. */
    private String takePending() {
        if (!pending) {
            return null;
        }
        jakarta.json.JsonArray refusal = pendingRefusal.build();
        JsonObjectBuilder logprobs = JSON.createObjectBuilder().add("content", pendingTokens);
        if (refusal.isEmpty()) {
            logprobs.addNull("refusal");
        } else {
            logprobs.add("refusal", refusal);
        }
        pendingTokens = JSON.createArrayBuilder();
        pendingRefusal = JSON.createArrayBuilder();
        pending = false;
        logprobsSent = true;
        return logprobs.build().toString();
    }

    private void write(int choice, JsonObject delta, String logprobsJson, String finishReason) throws IOException {
        data(OpenAiResponses.chunk(id, created, model, choice, delta, logprobsJson, finishReason)
                .toString());
    }

    private void data(String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
