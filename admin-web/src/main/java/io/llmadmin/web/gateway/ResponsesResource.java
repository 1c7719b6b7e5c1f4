package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code /openai/v1/responses}: OpenAI's Responses API (what the OpenAI Agents SDK and newer SDK code call by default)
 * on the same chat service as chat completions: create (whole or streamed as the documented events), retrieve and
 * delete a stored response. Responses are stored in the database per gateway key ({@link StoredResponses}), so
 * {@code previous_response_id} continues a conversation.
 */
@Path("/responses")
@ApplicationScoped
public class ResponsesResource {

    private final ChatService chat;
    private final GatewayChatModels chatModels;
    private final GatewayAuthentication authentication;
    private final GatewayKeyLimiter limiter;
    private final StoredResponses stored;
    private final ResponseCaching caching;

    @Inject
    public ResponsesResource(
            ChatService chat,
            GatewayChatModels chatModels,
            GatewayAuthentication authentication,
            GatewayKeyLimiter limiter,
            StoredResponses stored,
            ResponseCaching caching) {
        this.chat = chat;
        this.chatModels = chatModels;
        this.authentication = authentication;
        this.limiter = limiter;
        this.stored = stored;
        this.caching = caching;
    }

    /** For the CDI proxy only. */
    protected ResponsesResource() {
        this(null, null, null, null, null, null);
    }

    @POST
    public Response create(
            String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        long started = System.nanoTime();
        GatewayKeyView key = authentication.require(authorization);
        JsonObject json = chatModels.resolve(GatewayCaller.of(key), ChatCompletionRequest.object(body), "/responses");
        String previousId = JsonFields.string(json, "previous_response_id", "previous_response_id");
        List<ChatMessage> previous = List.of();
        if (previousId != null) {
            previous = stored.find(previousId, key.id())
                    .map(StoredResponses.Stored::conversation)
                    .orElseThrow(() -> new OpenAiException(
                            404,
                            "invalid_request_error",
                            "previous_response_id",
                            "previous_response_not_found",
                            "Previous response with id '" + previousId + "' not found.",
                            null));
        }
        ResponsesRequest request = ResponsesRequest.parse(json, key.caller(), previous);
        GatewayKeyLimiter.Reservation reservation = limiter.admit(key, request.call());
        Exchange exchange = new Exchange(
                ResponsesOutput.newId("resp"), Instant.now().getEpochSecond(), request, previousId, key.id(), previous);
        if (request.stream()) {
            return stream(exchange, reservation);
        }
        // Whole answers only: a stream is never answered from the cache here (its events are the model's own).
        ResponseCaching.Lookup lookup = caching.lookupFor(
                request.call().model(), json, false, !request.call().tools().isEmpty(), cacheControl);
        Optional<ChatResult> kept = caching.find(lookup);
        if (kept.isPresent()) {
            reservation.settle(Optional.of(new TokenUsage(0, 0)));
            caching.recordHit(lookup.model(), request.call().caller(), (System.nanoTime() - started) / 1_000_000);
            JsonObject response =
                    exchange.completed(OpenAiResponses.withCallIds(kept.get()), new ResponsesOutput.ItemIds());
            return json(response.toString(), "hit", reservation.headroom());
        }
        ChatResult result;
        try {
            result = OpenAiResponses.withCallIds(chat.chat(reservation.applyTo(request.call())));
        } catch (LlmException e) {
            reservation.settle(Optional.empty());
            throw reservation.withHeadroomOn(e);
        }
        reservation.settle(result.usage());
        if (result.model().equals(lookup.model())) {
            // An answer of a fallback is not kept under the asked model: the next call should try the model again.
            caching.store(lookup, result);
        }
        JsonObject response = exchange.completed(result, new ResponsesOutput.ItemIds());
        return json(
                response.toString(),
                lookup.applies() ? "miss" : null,
                reservation.headroom().tighter(result.rateLimits()));
    }

    @GET
    @Path("/{id}")
    public Response retrieve(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        return stored.find(id, key.id())
                .map(response -> json(response.body().toString()))
                .orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        GatewayKeyView key = authentication.require(authorization);
        if (!stored.remove(id, key.id())) {
            throw notFound(id);
        }
        return json("{\"id\":\"" + id + "\",\"object\":\"response.deleted\",\"deleted\":true}");
    }

    private static OpenAiException notFound(String id) {
        return new OpenAiException(
                404, "invalid_request_error", null, "not_found", "Response with id '" + id + "' not found.", null);
    }

    private Response stream(Exchange exchange, GatewayKeyLimiter.Reservation reservation) {
        BlockingQueue<UpstreamEvents.Event> events = new LinkedBlockingQueue<>();
        ChatStream upstream;
        try {
            upstream = chat.stream(
                    reservation.applyTo(exchange.request.call()), new UpstreamEvents.QueueingListener(events));
        } catch (LlmException e) {
            reservation.settle(Optional.empty());
            throw reservation.withHeadroomOn(e);
        }
        UpstreamEvents.Event first = UpstreamEvents.next(events, upstream);
        if (first instanceof UpstreamEvents.Failed failed) {
            reservation.settle(failed.partial().usage());
            throw reservation.withHeadroomOn(failed.failure());
        }
        StreamingOutput output =
                out -> new ResponsesEventWriter(out, exchange, reservation, upstream).writeAll(first, events);
        return RateLimitHeaders.addTo(
                        Response.ok(output, ChatCompletionsResource.EVENT_STREAM),
                        reservation.headroom().tighter(upstream.rateLimits()))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private static Response json(String body) {
        return json(body, null, RateLimitHeadroom.NONE);
    }

    /**
     * @param cacheState {@code hit} or {@code miss} for a model with a cache TTL, else null (no header)
     * @param headroom what the limits that applied to the call had left (OpenAI's {@code x-ratelimit-*} headers)
     */
    private static Response json(String body, String cacheState, RateLimitHeadroom headroom) {
        return RateLimitHeaders.addTo(Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")), headroom)
                .header(ResponseCaching.HEADER, cacheState)
                .build();
    }

    /** One create call: its ids, what it asked, and how its answer is stored. */
    final class Exchange {
        final String id;
        final long createdAt;
        final ResponsesRequest request;
        final String previousId;
        private final long keyId;
        private final List<ChatMessage> previous;

        Exchange(
                String id,
                long createdAt,
                ResponsesRequest request,
                String previousId,
                long keyId,
                List<ChatMessage> previous) {
            this.id = id;
            this.createdAt = createdAt;
            this.request = request;
            this.previousId = previousId;
            this.keyId = keyId;
            this.previous = previous;
        }

        JsonObject inProgress() {
            return ResponsesOutput.response(
                    id,
                    createdAt,
                    request,
                    "in_progress",
                    JSON.createArrayBuilder().build(),
                    null,
                    null,
                    previousId);
        }

        /** The completed response, stored when the request asked for it (the default). */
        JsonObject completed(ChatResult result, ResponsesOutput.ItemIds ids) {
            String status = result.finishReason().filter("length"::equals).isPresent() ? "incomplete" : "completed";
            JsonObject response = ResponsesOutput.response(
                    id, createdAt, request, status, ResponsesOutput.items(result, ids), result, null, previousId);
            if (request.store()) {
                List<ChatMessage> conversation = new ArrayList<>(previous);
                conversation.addAll(request.input());
                conversation.add(
                        result.toolCalls().isEmpty()
                                ? ChatMessage.assistant(result.response().isEmpty() ? " " : result.response())
                                : ChatMessage.assistant(result.response(), result.toolCalls()));
                stored.put(id, new StoredResponses.Stored(keyId, List.copyOf(conversation), response));
            }
            return response;
        }

        JsonObject failed(OpenAiException failure, JsonObject output) {
            JsonObject error = failure.body().getJsonObject("error");
            return ResponsesOutput.response(
                    id,
                    createdAt,
                    request,
                    "failed",
                    output.getJsonArray("output"),
                    null,
                    JSON.createObjectBuilder()
                            .add("code", error.isNull("code") ? "server_error" : error.getString("code"))
                            .add("message", error.getString("message"))
                            .build(),
                    previousId);
        }
    }
}
