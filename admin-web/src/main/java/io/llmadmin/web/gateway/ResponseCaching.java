package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.routing.ResponseCache;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's side of the response cache: which calls may be answered from it, the normalised request it is keyed
 * on, and the usage record of a hit. A call is looked up when its model has a cache TTL, unless it is a stream with
 * tools (the tool calls of a stream are the client's program running, not an answer to replay) or the client sent
 * {@code Cache-Control: no-cache}; such a call goes upstream and is not kept either.
 */
@ApplicationScoped
public class ResponseCaching {

    /** Tells whether an answer came from the cache ({@code hit}) or from the provider ({@code miss}). */
    static final String HEADER = "x-llmadmin-cache";

    /**
     * Fields that do not change the answer: how it is delivered ({@code stream}, {@code stream_options}), whom it is
     * for ({@code user}), and what the provider keeps ({@code store}, {@code metadata}, {@code service_tier}).
     */
    private static final Set<String> NOT_PART_OF_THE_REQUEST =
            Set.of("stream", "stream_options", "user", "store", "metadata", "service_tier");

    private final ResponseCache cache;
    private final UsageRecorder usage;

    @Inject
    public ResponseCaching(ResponseCache cache, UsageRecorder usage) {
        this.cache = cache;
        this.usage = usage;
    }

    /** For the CDI proxy only. */
    protected ResponseCaching() {
        this(null, null);
    }

    /**
     * What a call is for the cache.
     *
     * @param model the catalog id that will answer (a route's target, not the route)
     * @param key the normalised request, or empty when this call bypasses the cache
     */
    record Lookup(String model, Optional<String> key) {

        /** Whether the model is cached at all: then the answer says hit or miss. */
        boolean applies() {
            return model != null;
        }
    }

    /**
     * @param body the request as sent, with its model already the one that will answer
     * @param cacheControl the client's {@code Cache-Control} header, or null
     */
    Lookup lookupFor(String model, JsonObject body, boolean stream, boolean hasTools, String cacheControl) {
        if (!cache.enabledFor(model)) {
            return new Lookup(null, Optional.empty());
        }
        boolean bypassed = (stream && hasTools) || noCache(cacheControl);
        return new Lookup(model, bypassed ? Optional.empty() : Optional.of(canonical(body)));
    }

    Optional<ChatResult> find(Lookup lookup) {
        return lookup.key().flatMap(key -> cache.find(lookup.model(), key));
    }

    void store(Lookup lookup, ChatResult answer) {
        lookup.key().ifPresent(key -> cache.store(lookup.model(), key, answer));
    }

    /** A hit is a call the caller made: counted under the model, with no tokens, since no provider was paid. */
    void recordHit(String model, String caller, long latencyMillis) {
        String who = caller.length() <= UsageRecord.MAX_CALLER_LENGTH
                ? caller
                : caller.substring(0, UsageRecord.MAX_CALLER_LENGTH);
        usage.record(
                UsageEvent.endingNow(model, who, 0, 0, false, latencyMillis, UsageOutcome.CACHE_HIT, null, null, null));
    }

    private static boolean noCache(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        String directives = cacheControl.toLowerCase(Locale.ROOT);
        return directives.contains("no-cache") || directives.contains("no-store");
    }

    /** The request with its keys sorted at every level and the delivery-only fields left out. */
    static String canonical(JsonObject body) {
        JsonObjectBuilder kept = JSON.createObjectBuilder();
        for (String name : new TreeSet<>(body.keySet())) {
            if (!NOT_PART_OF_THE_REQUEST.contains(name)) {
                kept.add(name, sorted(body.get(name)));
            }
        }
        return kept.build().toString();
    }

    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = JSON.createObjectBuilder();
            new TreeSet<>(object.keySet()).forEach(name -> builder.add(name, sorted(object.get(name))));
            return builder.build();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder builder = JSON.createArrayBuilder();
            value.asJsonArray().forEach(item -> builder.add(sorted(item)));
            return builder.build();
        }
        return value;
    }
}
