package io.llmadmin.services.routing.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.ResponseCache;
import io.llmadmin.services.routing.RoutedChat;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Routes and the response cache for the chat service's own callers (the gateway has the same for its JSON requests).
 * The cache key is the call without what does not change the answer (who calls, the end user, its timeout, what the
 * provider keeps), as JSON with its fields sorted; an answer served by a fallback is not kept under the asked model.
 */
@ApplicationScoped
public class CachingRoutedChat implements RoutedChat {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(ChatCall.class, NotPartOfTheCall.class)
            .addMixIn(ChatOptions.class, NotPartOfTheOptions.class)
            .build();

    /** Who calls and how long it may take do not change the answer. */
    @JsonIgnoreProperties({"caller", "timeout"})
    private interface NotPartOfTheCall {}

    /** Whom the answer is for and what the provider keeps do not change it either. */
    @JsonIgnoreProperties({"endUser", "store", "metadata"})
    private interface NotPartOfTheOptions {}

    private final ChatService chat;
    private final ModelRoutes routes;
    private final ResponseCache cache;
    private final UsageRecorder usage;

    @Inject
    public CachingRoutedChat(ChatService chat, ModelRoutes routes, ResponseCache cache, UsageRecorder usage) {
        this.chat = chat;
        this.routes = routes;
        this.cache = cache;
        this.usage = usage;
    }

    /** For the CDI proxy only. */
    protected CachingRoutedChat() {
        this(null, null, null, null);
    }

    @Override
    public ChatResult chat(ChatCall requested) {
        long started = System.nanoTime();
        ChatCall call = routes.resolve(requested.model(), requested.caller())
                .map(requested::withModel)
                .orElse(requested);
        if (!cache.enabledFor(call.model())) {
            return chat.chat(call);
        }
        String key = canonical(call);
        Optional<ChatResult> kept = cache.find(call.model(), key);
        if (kept.isPresent()) {
            usage.record(UsageEvent.endingNow(
                    call.model(),
                    truncated(call.caller()),
                    0,
                    0,
                    false,
                    (System.nanoTime() - started) / 1_000_000,
                    UsageOutcome.CACHE_HIT,
                    null,
                    null,
                    null));
            return kept.get();
        }
        ChatResult result = chat.chat(call);
        if (result.model().equals(call.model())) {
            cache.store(call.model(), key, result);
        }
        return result;
    }

    static String canonical(ChatCall call) {
        try {
            return CANONICAL.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat call that cannot be written as JSON", e);
        }
    }

    private static String truncated(String caller) {
        String who = caller == null ? "" : caller;
        return who.length() <= UsageRecord.MAX_CALLER_LENGTH ? who : who.substring(0, UsageRecord.MAX_CALLER_LENGTH);
    }
}
