package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * {@code POST /openai/v1/chat/completions}: OpenAI's chat completion, whole or streamed as server-sent events. Usage is
 * recorded by the chat service as {@code gateway:<key name>}. A stream's status is decided by its first event, so a
 * call refused before any token (a rate limit, an upstream failure) is a plain JSON error with its status; a client
 * that goes away mid-stream cancels the upstream call.
 */
@Path("/chat/completions")
@ApplicationScoped
public class ChatCompletionsResource {

    static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream;charset=UTF-8");

    /** Names the catalog id of the model that served the call: the requested one, or the fallback that took over. */
    static final String SERVED_MODEL = "X-LLM-Admin-Model";

    private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class.getName());

    private final ChatService chat;
    private final GatewayChatModels chatModels;
    private final GatewayAuthentication authentication;
    private final GatewayKeyLimiter limiter;
    private final ResponseCaching caching;

    @Inject
    public ChatCompletionsResource(
            ChatService chat,
            GatewayChatModels chatModels,
            GatewayAuthentication authentication,
            GatewayKeyLimiter limiter,
            ResponseCaching caching) {
        this.chat = chat;
        this.chatModels = chatModels;
        this.authentication = authentication;
        this.limiter = limiter;
        this.caching = caching;
    }

    /** For the CDI proxy only. */
    protected ChatCompletionsResource() {
        this(null, null, null, null, null);
    }

    @POST
    public Response complete(
            String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return complete(body, GatewayCaller.of(authentication.require(authorization)), cacheControl);
    }

    /** The chat completion for this caller, a gateway key or (in the console's playground) a console admin. */
    public Response complete(String body, GatewayCaller caller, String cacheControl) {
        long started = System.nanoTime();
        JsonObject json = chatModels.resolve(caller, ChatCompletionRequest.object(body), "/chat/completions");
        ChatCompletionRequest request = ChatCompletionRequest.parse(json, caller.name());
        ResponseCaching.Lookup lookup = caching.lookupFor(
                request.call().model(),
                json,
                request.stream(),
                !request.call().tools().isEmpty(),
                cacheControl);
        GatewayKeyLimiter.Reservation reservation = limiter.admit(caller, request.call());
        String keyLimits = caller.describedLimits().orElse(null);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        Optional<ChatResult> kept = caching.find(lookup);
        if (kept.isPresent()) {
            reservation.settle(Optional.of(new TokenUsage(0, 0)));
            caching.recordHit(lookup.model(), request.call().caller(), (System.nanoTime() - started) / 1_000_000);
            // A kept answer passed only the key's limits: the model was not called.
            RateLimitHeadroom keyOnly = reservation.headroom();
            return request.stream()
                    ? cachedStream(request, kept.get(), id, created, keyOnly)
                    : completion(
                            request, OpenAiResponses.withCallIds(kept.get()), id, created, "hit", keyLimits, keyOnly);
        }
        if (request.stream()) {
            return stream(request, reservation, id, created, lookup, keyLimits);
        }
        ChatResult result;
        try {
            result = OpenAiResponses.withCallIds(chat.chat(reservation.applyTo(request.call())));
        } catch (LlmException e) {
            reservation.settle(Optional.empty());
            throw reservation.withHeadroomOn(e);
        }
        reservation.settle(result.usage());
        if (result.model().equals(lookup.model()) && result.otherChoices().isEmpty()) {
            // An answer of a fallback is not kept under the asked model: the next call should try the model again.
            // Nor is one of several choices (the cache keeps one).
            caching.store(lookup, result);
        }
        return completion(
                request,
                result,
                id,
                created,
                lookup.applies() ? "miss" : null,
                keyLimits,
                reservation.headroom().tighter(result.rateLimits()));
    }

    private static Response completion(
            ChatCompletionRequest request,
            ChatResult result,
            String id,
            long created,
            String cacheState,
            String keyLimits,
            RateLimitHeadroom headroom) {
        Response.ResponseBuilder answer = Response.ok(
                        OpenAiResponses.completion(id, created, result, request.legacyFunctions())
                                .toString(),
                        MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(SERVED_MODEL, result.model())
                .header(GatewayCaller.KEY_LIMITS, keyLimits);
        if (cacheState != null) {
            answer.header(ResponseCaching.HEADER, cacheState);
        }
        return RateLimitHeaders.addTo(answer, headroom).build();
    }

    /** A kept answer replayed as a stream: the role, the text in one chunk, the finish and (when asked) the usage. */
    private static Response cachedStream(
            ChatCompletionRequest request, ChatResult kept, String id, long created, RateLimitHeadroom headroom) {
        BlockingQueue<UpstreamEvents.Event> events = new LinkedBlockingQueue<>();
        events.add(new UpstreamEvents.Done(kept));
        UpstreamEvents.Event first =
                kept.response().isEmpty() ? events.poll() : new UpstreamEvents.Delta(kept.response());
        ChatStream replay = new ReplayedStream(kept);
        StreamingOutput output = out -> new ChatChunkWriter(
                        out, id, created, request, GatewayKeyLimiter.Reservation.NONE, replay, answer -> {})
                .writeAll(first, events);
        return RateLimitHeaders.addTo(Response.ok(output, EVENT_STREAM), headroom)
                .header(SERVED_MODEL, kept.model())
                .header(ResponseCaching.HEADER, "hit")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private Response stream(
            ChatCompletionRequest request,
            GatewayKeyLimiter.Reservation reservation,
            String id,
            long created,
            ResponseCaching.Lookup lookup,
            String keyLimits) {
        BlockingQueue<UpstreamEvents.Event> events = new LinkedBlockingQueue<>();
        ChatStream upstream;
        try {
            upstream = chat.stream(reservation.applyTo(request.call()), new UpstreamEvents.QueueingListener(events));
        } catch (LlmException e) {
            reservation.settle(Optional.empty());
            throw reservation.withHeadroomOn(e);
        }
        UpstreamEvents.Event first = UpstreamEvents.next(events, upstream);
        if (first instanceof UpstreamEvents.Failed failed) {
            reservation.settle(failed.partial().usage());
            throw reservation.withHeadroomOn(failed.failure());
        }
        Consumer<ChatResult> keep = answer -> {
            // Not a fallback's answer, nor one of several choices (as for whole answers).
            if (answer.model().equals(lookup.model()) && answer.otherChoices().isEmpty()) {
                caching.store(lookup, answer);
            }
        };
        StreamingOutput output = out ->
                new ChatChunkWriter(out, id, created, request, reservation, upstream, keep).writeAll(first, events);
        Response.ResponseBuilder answer = RateLimitHeaders.addTo(
                Response.ok(output, EVENT_STREAM), reservation.headroom().tighter(upstream.rateLimits()));
        if (lookup.applies()) {
            answer.header(ResponseCaching.HEADER, "miss");
        }
        return answer.header(SERVED_MODEL, upstream.model())
                .header(GatewayCaller.KEY_LIMITS, keyLimits)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** A kept answer as a finished stream, so the one event writer serves hits and upstream streams alike. */
    private record ReplayedStream(ChatResult kept) implements ChatStream {

        @Override
        public void cancel() {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public String model() {
            return kept.model();
        }

        @Override
        public CompletionStage<ChatResult> result() {
            return CompletableFuture.completedFuture(kept);
        }
    }
}
