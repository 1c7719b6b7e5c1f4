package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStreamListener;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.vault.ApiKeyVault;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test wiring of the chat service's collaborators: models in a map, keys in a map, records in a list. */
final class TestSupport {

    static final String KEY = "sk-test-0123456789abcdef";

    private TestSupport() {}

    static class Models implements ModelDirectory {
        private final Map<String, ModelConfiguration> models = new HashMap<>();
        private final Map<String, List<String>> fallbacks = new HashMap<>();

        Models add(ModelConfiguration model, String... fallbackIds) {
            models.put(model.catalogId(), model);
            fallbacks.put(model.catalogId(), List.of(fallbackIds));
            return this;
        }

        @Override
        public Optional<ModelConfiguration> find(String catalogId) {
            return Optional.ofNullable(models.get(catalogId));
        }

        @Override
        public List<String> fallbacksOf(ModelConfiguration model) {
            return fallbacks.getOrDefault(model.catalogId(), List.of());
        }
    }

    /** Every provider has the one test key. */
    static ApiKeyVault vault() {
        return new ApiKeyVault() {
            @Override
            public Optional<String> nextKey(String provider) {
                return Optional.of(KEY);
            }

            @Override
            public Optional<String> keyFor(ModelConfiguration model) {
                return Optional.of(KEY);
            }
        };
    }

    /** A guard that admits everything and remembers every settlement. */
    static final class RecordingGuard implements CallGuard {
        final List<Admission> admissions = new CopyOnWriteArrayList<>();
        final List<CallRecord> settled = new CopyOnWriteArrayList<>();

        @Override
        public Permit admit(Admission admission) {
            admissions.add(admission);
            return settled::add;
        }
    }

    static LangChain4jChatService service(Models models, CallGuard guard, List<CallRecord> records, int retries) {
        return service(models, guard, records, retries, Duration.ofSeconds(10));
    }

    static LangChain4jChatService service(
            Models models, CallGuard guard, List<CallRecord> records, int retries, Duration timeout) {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        timeout,
                        RetryPolicy.of(retries, Duration.ofMillis(20), Duration.ofSeconds(2)),
                        "http://127.0.0.1:9"),
                models,
                vault(),
                guard,
                records::add,
                Clock.systemUTC());
    }

    static List<CallRecord> records() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** Collects a stream's events in order. */
    static class CollectingListener implements ChatStreamListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResult> completed = new CompletableFuture<>();
        volatile ChatResult partialOnError;

        @Override
        public void onResponse(String delta) {
            events.add("response:" + delta);
        }

        @Override
        public void onReasoning(String delta) {
            events.add("reasoning:" + delta);
        }

        @Override
        public void onComplete(ChatResult result) {
            completed.complete(result);
        }

        @Override
        public void onError(LlmException failure, ChatResult partialOutput) {
            partialOnError = partialOutput;
            completed.completeExceptionally(failure);
        }

        String responseText() {
            return String.join(
                    "",
                    events.stream()
                            .filter(e -> e.startsWith("response:"))
                            .map(e -> e.substring(9))
                            .toList());
        }

        String reasoningText() {
            return String.join(
                    "",
                    events.stream()
                            .filter(e -> e.startsWith("reasoning:"))
                            .map(e -> e.substring(10))
                            .toList());
        }
    }
}
