package io.llmadmin.services.modeltest;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ModelDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends one tiny real call to a stored model: "ping" with at most one output token for a chat model, one short text
 * for an embedding model. It passes the model's limits and is recorded as usage by {@code test:<actor>}, like any
 * call. The answer says what happened in our words: a provider's error text may quote the key, so only the kind of
 * failure is reported (with our own messages for a missing or refused credential).
 */
@ApplicationScoped
public class ModelTests {

    private static final Logger LOG = Logger.getLogger(ModelTests.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ModelDirectory directory;
    private final ChatService chat;

    @Inject
    public ModelTests(ModelDirectory directory, ChatService chat) {
        this.directory = directory;
        this.chat = chat;
    }

    /** For the CDI proxy only. */
    protected ModelTests() {
        this(null, null);
    }

    /**
     * Tests the stored model with this catalog id.
     *
     * @throws UnknownEntityException when there is none
     */
    public ModelTestResult test(String actor, String catalogId) {
        ModelConfiguration model = directory
                .find(catalogId)
                .orElseThrow(() -> new UnknownEntityException("No active model '" + catalogId + "'"));
        String caller = "test:" + actor;
        ModelTestResult result;
        try {
            if (model.type() == ModelType.EMBEDDING) {
                int dimensions =
                        chat.embed(model, List.of("ping"), caller).vectors().get(0).length;
                result = new ModelTestResult(true, "The model answered with a " + dimensions + "-dimension embedding");
            } else if (model.type() == ModelType.CHAT) {
                chat.chat(
                        model,
                        ChatCall.builder(catalogId)
                                .message(ChatMessage.user("ping"))
                                .maxTokens(1)
                                .timeout(TIMEOUT)
                                .caller(caller)
                                .build());
                result = new ModelTestResult(true, "The model answered");
            } else {
                result = new ModelTestResult(false, "Only chat and embedding models can be tested here");
            }
        } catch (LlmException failure) {
            result = new ModelTestResult(false, describe(failure));
        }
        ModelTestResult logged = result;
        LOG.info(() -> "Tested model '" + catalogId + "' for " + actor + ": " + logged.message());
        return result;
    }

    private static String describe(LlmException failure) {
        if (failure instanceof LlmNotConfiguredException) {
            return "Not configured: " + failure.getMessage();
        }
        if (failure instanceof LlmAuthenticationException) {
            return "The provider refused the credential (check the model's credential and its secret)";
        }
        if (failure instanceof LlmNotFoundException) {
            return "The provider does not know this model or address (HTTP 404); check the model name and api base";
        }
        if (failure instanceof LlmRateLimitedException) {
            return "Rate limited (ours or the provider's); try again shortly";
        }
        if (failure instanceof LlmTimeoutException) {
            return "The provider did not answer in time";
        }
        if (failure instanceof InvalidLlmRequestException) {
            return "The provider refused the test call as invalid";
        }
        return "The provider failed or could not be reached";
    }
}
