package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatService;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** The real chat service wired for tests of other packages: no retries, the test key, no limits. */
public final class ChatServices {

    private ChatServices() {}

    public static ChatService forTests(Function<String, Optional<ModelConfiguration>> models) {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(10),
                        RetryPolicy.of(0, Duration.ofMillis(10), Duration.ofSeconds(1)),
                        "http://127.0.0.1:9"),
                models::apply,
                TestSupport.vault(),
                CallGuard.unlimited(),
                CallRecorder.none(),
                Clock.systemUTC());
    }
}
