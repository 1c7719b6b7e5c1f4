package io.llmadmin.services.routing;

import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;

/**
 * A blocking chat call as the application's own callers (sessions, jobs) make it: a model id that is a route goes to
 * one of its targets ({@link ModelRoutes#pick}, sticky per {@link ChatCall#caller()}), and a model with a cache TTL is
 * answered from the {@link ResponseCache} when the same call was answered before (recorded in usage as a cache hit, at
 * no provider cost). Everything else is {@link ChatService#chat(ChatCall)}: specs, retries, fallbacks, cool-downs.
 */
public interface RoutedChat {

    ChatResult chat(ChatCall call);

    /** Straight to the chat service: no route, no cache (for tests and callers outside the container). */
    static RoutedChat direct(ChatService chat) {
        return chat::chat;
    }
}
