package io.llmadmin.services.routing.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.internal.ChatServices;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.ResponseCachePolicies;
import io.llmadmin.services.routing.RouteTargetView;
import io.llmadmin.services.routing.RouteView;
import io.llmadmin.services.usage.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat service's own callers (sessions, jobs) get routes and the response cache: a call naming a route goes to its
 * target, and the same call again (from another caller) is answered from the cache without reaching the provider, as a
 * usage record of a cache hit. The provider is a local OpenAI-speaking server; routes and policies are fixed in memory
 * (the JPA ones are tested through the server).
 */
class CachingRoutedChatTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<UsageEvent> usage = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o",
                                 "choices":[{"index":0,"message":{"role":"assistant","content":"Four."},
                                   "finish_reason":"stop"}],
                                 "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** One route, {@code canary}, all of whose traffic goes to {@code gpt}. */
    private static final ModelRoutes ROUTES = new ModelRoutes() {
        @Override
        public List<RouteView> all() {
            return List.of(new RouteView("canary", false, List.of(new RouteTargetView("gpt", 1)), 0));
        }

        @Override
        public Optional<RouteView> find(String id) {
            return all().stream().filter(route -> route.id().equals(id)).findFirst();
        }

        @Override
        public List<CatalogEntry> callable() {
            return all().stream().map(RouteView::catalogEntry).toList();
        }

        @Override
        public RouteView save(String actor, String id, boolean sticky, List<RouteTargetView> targets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String actor, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> pick(String id, String callerKey) {
            return find(id).map(route -> route.targets().get(0).model());
        }

        @Override
        public Optional<String> resolve(String modelOrRoute, String callerKey) {
            return pick(modelOrRoute, callerKey);
        }
    };

    private static ResponseCachePolicies cachedForAMinute(String modelId) {
        return new ResponseCachePolicies() {
            @Override
            public Map<String, Integer> all() {
                return Map.of(modelId, 60);
            }

            @Override
            public Optional<Duration> ttlFor(String id) {
                return id.equals(modelId) ? Optional.of(Duration.ofMinutes(1)) : Optional.empty();
            }

            @Override
            public void set(String actor, String id, int ttlSeconds) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private CachingRoutedChat routedChat() {
        ModelConfiguration model = new ModelConfiguration("gpt", ModelType.CHAT, "openai", "gpt-4o", "GPT");
        model.routeTo(server.baseUrl() + "/v1", null, false);
        return new CachingRoutedChat(
                ChatServices.forTests(id -> id.equals("gpt") ? Optional.of(model) : Optional.empty()),
                ROUTES,
                new DefaultResponseCache(cachedForAMinute("gpt"), new InProcessAnswerStore(10, Clock.systemUTC())),
                usage::add);
    }

    private static ChatCall ask(String caller) {
        return ChatCall.builder("canary")
                .message(ChatMessage.user("What is 2+2?"))
                .temperature(0.2)
                .caller(caller)
                .build();
    }

    @Test
    void should_send_a_call_naming_a_route_to_its_target_and_answer_it_again_from_the_cache() {
        CachingRoutedChat chat = routedChat();

        ChatResult first = chat.chat(ask("session:alice"));
        ChatResult second = chat.chat(ask("job:bob"));

        assertThat(first.model()).isEqualTo("gpt");
        assertThat(first.response()).isEqualTo("Four.");
        assertThat(second.response()).isEqualTo("Four.");
        assertThat(server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                                .build())
                        .getCount())
                .isEqualTo(1);
        assertThat(usage).singleElement().satisfies(hit -> {
            assertThat(hit.outcome()).isEqualTo(UsageOutcome.CACHE_HIT);
            assertThat(hit.modelId()).isEqualTo("gpt");
        });
    }

    @Test
    void should_key_the_cache_on_what_changes_the_answer_only() {
        assertThat(CachingRoutedChat.canonical(ask("a")))
                .isEqualTo(CachingRoutedChat.canonical(ask("b")))
                .doesNotContain("caller")
                .contains("What is 2+2?");
        assertThat(CachingRoutedChat.canonical(ChatCall.builder("canary")
                        .message(ChatMessage.user("What is 2+2?"))
                        .temperature(0.9)
                        .build()))
                .isNotEqualTo(CachingRoutedChat.canonical(ask("a")));
    }
}
