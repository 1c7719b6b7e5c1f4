package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolCallFragment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a streamed Responses API answer as OpenAI's documented events, each {@code event: <type>} and
 * {@code data: <json>} with a rising {@code sequence_number}: {@code response.created}, {@code response.in_progress},
 * per output item {@code response.output_item.added} ... {@code response.output_item.done} (reasoning text deltas,
 * output text deltas within a content part, function call arguments fragment by fragment as the provider streams
 * them), then {@code response.completed}, or {@code response.failed} when the call fails or the provider's stream is
 * cut off. A provider that sends its calls whole (Gemini, Ollama) gives each call's arguments in one delta at the end.
 */
final class ResponsesEventWriter {

    private static final Logger LOG = Logger.getLogger(ResponsesEventWriter.class.getName());

    private final OutputStream out;
    private final ResponsesResource.Exchange exchange;
    private final GatewayKeyLimiter.Reservation reservation;
    private final ChatStream upstream;
    private final ResponsesOutput.ItemIds ids = new ResponsesOutput.ItemIds();
    private int sequence;
    private int nextOutputIndex;
    private int reasoningIndex = -1;
    private int messageIndex = -1;
    private boolean reasoningOpen;
    private boolean messageOpen;
    /** The calls streamed so far, in order of appearance, by the provider's index of each. */
    private final Map<Integer, StreamedCall> calls = new LinkedHashMap<>();

    private final StringBuilder reasoning = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    ResponsesEventWriter(
            OutputStream out,
            ResponsesResource.Exchange exchange,
            GatewayKeyLimiter.Reservation reservation,
            ChatStream upstream) {
        this.out = out;
        this.exchange = exchange;
        this.reservation = reservation;
        this.upstream = upstream;
    }

    void writeAll(UpstreamEvents.Event first, BlockingQueue<UpstreamEvents.Event> events) {
        try {
            JsonObject inProgress = exchange.inProgress();
            event("response.created", JSON.createObjectBuilder().add("response", inProgress));
            event("response.in_progress", JSON.createObjectBuilder().add("response", inProgress));
            UpstreamEvents.Event event = first;
            while (!(event instanceof UpstreamEvents.Done || event instanceof UpstreamEvents.Failed)) {
                if (event instanceof UpstreamEvents.Reasoning thinking) {
                    reasoning(thinking.text());
                } else if (event instanceof UpstreamEvents.Delta text) {
                    text(text.text());
                } else if (event instanceof UpstreamEvents.ToolCallPiece piece) {
                    functionCallPiece(piece.fragment());
                }
                event = UpstreamEvents.next(events, upstream);
            }
            if (event instanceof UpstreamEvents.Done done && UpstreamEvents.isCutOff(done.result())) {
                event = new UpstreamEvents.Failed(UpstreamEvents.cutOff(), done.result());
            }
            if (event instanceof UpstreamEvents.Done done) {
                ChatResult result = OpenAiResponses.withCallIds(withStreamedCallIds(done.result()));
                reservation.settle(result.usage());
                finish(result);
            } else if (event instanceof UpstreamEvents.Failed failed) {
                reservation.settle(failed.partial().usage());
                OpenAiException failure = OpenAiErrorMappers.of(failed.failure());
                event(
                        "response.failed",
                        JSON.createObjectBuilder().add("response", exchange.failed(failure, exchange.inProgress())));
            }
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "The client left a Responses stream; cancelling the upstream call", clientGone);
            upstream.cancel();
            reservation.settle(Optional.empty());
        }
    }

    private void reasoning(String delta) throws IOException {
        if (reasoningIndex < 0) {
            reasoningIndex = nextOutputIndex++;
            reasoningOpen = true;
            event(
                    "response.output_item.added",
                    JSON.createObjectBuilder()
                            .add("output_index", reasoningIndex)
                            .add(
                                    "item",
                                    JSON.createObjectBuilder()
                                            .add("type", "reasoning")
                                            .add("id", ids.reasoning())
                                            .add("summary", JSON.createArrayBuilder())
                                            .add("content", JSON.createArrayBuilder())));
        }
        reasoning.append(delta);
        event(
                "response.reasoning_text.delta",
                JSON.createObjectBuilder()
                        .add("item_id", ids.reasoning())
                        .add("output_index", reasoningIndex)
                        .add("content_index", 0)
                        .add("delta", delta));
    }

    private void closeReasoning() throws IOException {
        if (!reasoningOpen) {
            return;
        }
        reasoningOpen = false;
        event(
                "response.reasoning_text.done",
                JSON.createObjectBuilder()
                        .add("item_id", ids.reasoning())
                        .add("output_index", reasoningIndex)
                        .add("content_index", 0)
                        .add("text", reasoning.toString()));
        event(
                "response.output_item.done",
                JSON.createObjectBuilder()
                        .add("output_index", reasoningIndex)
                        .add("item", ResponsesOutput.reasoningItem(ids.reasoning(), reasoning.toString())));
    }

    private void openMessage() throws IOException {
        closeReasoning();
        messageIndex = nextOutputIndex++;
        messageOpen = true;
        event(
                "response.output_item.added",
                JSON.createObjectBuilder()
                        .add("output_index", messageIndex)
                        .add("item", ResponsesOutput.messageItem(ids.message(), null, "in_progress")));
        event(
                "response.content_part.added",
                JSON.createObjectBuilder()
                        .add("item_id", ids.message())
                        .add("output_index", messageIndex)
                        .add("content_index", 0)
                        .add("part", ResponsesOutput.outputText("")));
    }

    private void text(String delta) throws IOException {
        if (messageIndex < 0) {
            openMessage();
        }
        text.append(delta);
        event(
                "response.output_text.delta",
                JSON.createObjectBuilder()
                        .add("item_id", ids.message())
                        .add("output_index", messageIndex)
                        .add("content_index", 0)
                        .add("delta", delta)
                        .add("logprobs", JSON.createArrayBuilder()));
    }

    private void closeMessage() throws IOException {
        if (!messageOpen) {
            return;
        }
        messageOpen = false;
        event(
                "response.output_text.done",
                JSON.createObjectBuilder()
                        .add("item_id", ids.message())
                        .add("output_index", messageIndex)
                        .add("content_index", 0)
                        .add("text", text.toString())
                        .add("logprobs", JSON.createArrayBuilder()));
        event(
                "response.content_part.done",
                JSON.createObjectBuilder()
                        .add("item_id", ids.message())
                        .add("output_index", messageIndex)
                        .add("content_index", 0)
                        .add("part", ResponsesOutput.outputText(text.toString())));
        event(
                "response.output_item.done",
                JSON.createObjectBuilder()
                        .add("output_index", messageIndex)
                        .add("item", ResponsesOutput.messageItem(ids.message(), text.toString(), "completed")));
    }

    /** A piece of a streamed call: its item is added with the first piece, each piece is one arguments delta. */
    private void functionCallPiece(ToolCallFragment fragment) throws IOException {
        StreamedCall call = calls.get(fragment.index());
        if (call == null) {
            closeReasoning();
            closeMessage();
            call = new StreamedCall(
                    nextOutputIndex++,
                    ids.functionCall(calls.size()),
                    OpenAiResponses.callId(new ToolCall(fragment.id(), "-", "{}")));
            calls.put(fragment.index(), call);
            String name = fragment.name() == null ? "" : fragment.name();
            functionCallAdded(call, name);
        }
        if (fragment.arguments() != null && !fragment.arguments().isEmpty()) {
            argumentsDelta(call, fragment.arguments());
        }
    }

    /** The answer with the call ids announced while streaming, so the completed (and stored) response agrees. */
    private ChatResult withStreamedCallIds(ChatResult result) {
        if (calls.isEmpty()) {
            return result;
        }
        List<ToolCall> toolCalls = new ArrayList<>(result.toolCalls());
        List<StreamedCall> streamed = List.copyOf(calls.values());
        for (int i = 0; i < Math.min(streamed.size(), toolCalls.size()); i++) {
            ToolCall call = toolCalls.get(i);
            toolCalls.set(i, new ToolCall(streamed.get(i).callId(), call.name(), call.argumentsJson()));
        }
        return new ChatResult(
                result.model(),
                result.response(),
                result.reasoning(),
                toolCalls,
                result.usage(),
                result.finishReason(),
                result.logprobsJson());
    }

    private void finish(ChatResult result) throws IOException {
        closeReasoning();
        if (messageIndex < 0 && result.toolCalls().isEmpty()) {
            openMessage();
        }
        closeMessage();
        List<StreamedCall> streamed = List.copyOf(calls.values());
        for (int i = 0; i < result.toolCalls().size(); i++) {
            ToolCall call = result.toolCalls().get(i);
            StreamedCall item;
            if (i < streamed.size()) {
                item = streamed.get(i);
            } else {
                // Sent whole by the provider: announced now, its arguments in one delta.
                item = new StreamedCall(nextOutputIndex++, ids.functionCall(i), call.id());
                functionCallAdded(item, call.name());
                argumentsDelta(item, call.argumentsJson());
            }
            event(
                    "response.function_call_arguments.done",
                    JSON.createObjectBuilder()
                            .add("item_id", item.itemId())
                            .add("output_index", item.outputIndex())
                            .add("name", call.name())
                            .add("arguments", call.argumentsJson()));
            event(
                    "response.output_item.done",
                    JSON.createObjectBuilder()
                            .add("output_index", item.outputIndex())
                            .add("item", ResponsesOutput.functionCallItem(item.itemId(), call, "completed")));
        }
        event("response.completed", JSON.createObjectBuilder().add("response", exchange.completed(result, ids)));
    }

    private void functionCallAdded(StreamedCall call, String name) throws IOException {
        event(
                "response.output_item.added",
                JSON.createObjectBuilder()
                        .add("output_index", call.outputIndex())
                        .add(
                                "item",
                                ResponsesOutput.functionCallItem(
                                        call.itemId(), call.callId(), name, "", "in_progress")));
    }

    private void argumentsDelta(StreamedCall call, String delta) throws IOException {
        event(
                "response.function_call_arguments.delta",
                JSON.createObjectBuilder()
                        .add("item_id", call.itemId())
                        .add("output_index", call.outputIndex())
                        .add("delta", delta));
    }

    private void event(String type, JsonObjectBuilder data) throws IOException {
        JsonObject json =
                data.add("type", type).add("sequence_number", sequence++).build();
        out.write(("event: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A function call item of this stream: where it is in the output, its item id and its call id. */
    private record StreamedCall(int outputIndex, String itemId, String callId) {}
}
