package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;

/**
 * The HTTP client under OpenAI-wire streaming models: when the call's {@link CallContext} has an {@link Observer} (a
 * stream asking for several choices or for log probabilities), each chunk's choices are shown to it before LangChain4j
 * reads the chunk. LangChain4j's OpenAI stream reads the first entry of each chunk's {@code choices} whatever its
 * {@code index}, so it would join every choice's text into one answer: it is shown choice 0 only, and the further
 * choices go to the observer. It also keeps no per-chunk log probabilities, so choice 0's go to the observer too,
 * just before LangChain4j hands on the same chunk's text. Without an observer the client only passes through.
 */
final class OpenAiStreamChunks implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sees a stream's chunks, on the thread that reads the stream, in order. */
    interface Observer {

        /** Choice 0's {@code logprobs} object of a chunk (sent before the chunk's text reaches LangChain4j's handler). */
        void firstChoiceLogprobs(JsonNode logprobs);

        /** A chunk's entry for a further choice ({@code index} 1 or more): its {@code delta}, finish, log probabilities. */
        void otherChoice(JsonNode choice);
    }

    private final HttpClient delegate;

    private OpenAiStreamChunks(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Settings whose HTTP client is this one over the given settings' client. */
    static ProviderModels.Settings settings(ProviderModels.Settings settings) {
        return settings.overHttp(OpenAiStreamChunks::new);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return delegate.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // LangChain4j starts the request on the caller's thread, where the attempt's context is current.
        CallContext context = CallContext.current();
        Observer observer = context == null ? null : context.chunkObserver();
        delegate.execute(request, parser, observer == null ? listener : new Splitting(listener, observer));
    }

    /** The chunk as LangChain4j should see it: choice 0 only, the further choices and choice 0's logprobs observed. */
    static ServerSentEvent shown(ServerSentEvent event, Observer observer) {
        String data = event.data();
        if (data == null || !data.startsWith("{")) {
            return event;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (IOException notJson) {
            return event; // LangChain4j reports it as it would have
        }
        if (!(chunk instanceof ObjectNode object) || !(object.get("choices") instanceof ArrayNode choices)) {
            return event;
        }
        ArrayNode first = JSON.createArrayNode();
        for (JsonNode choice : choices) {
            if (choice.path("index").asInt(0) > 0) {
                observer.otherChoice(choice);
                continue;
            }
            first.add(choice);
            if (choice.path("logprobs").isObject()) {
                observer.firstChoiceLogprobs(choice.get("logprobs"));
            }
        }
        if (first.size() == choices.size()) {
            return event;
        }
        object.set("choices", first);
        return new ServerSentEvent(event.event(), object.toString());
    }

    private record Splitting(ServerSentEventListener delegate, Observer observer) implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            delegate.onEvent(shown(event, observer), context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            delegate.onEvent(shown(event, observer));
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }
}
