package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One upstream attempt's bookkeeping: the key it uses, its {@link CallContext}, and the one {@link CallRecord} that
 * {@link #end} reports, exactly once, to its {@link ModelAdmission} (which records it as usage and settles the
 * rate-limit permit when the model is done with). Made by {@link ModelAdmission#attempt}.
 */
final class Attempt {

    private final ModelConfiguration model;
    private final String kind;
    private final String caller;
    private final String key;
    private final ModelAdmission admission;
    private final int estimatedInputTokens;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final CallContext context;
    private boolean ended;

    Attempt(
            ModelAdmission admission,
            ModelConfiguration model,
            String kind,
            String caller,
            String key,
            int estimatedInputTokens,
            Duration timeout,
            Clock clock) {
        this.model = model;
        this.kind = kind;
        this.caller = caller;
        this.key = key;
        this.admission = admission;
        this.estimatedInputTokens = estimatedInputTokens;
        this.context = new CallContext(timeout);
        this.startedAt = clock.instant();
    }

    ModelConfiguration model() {
        return model;
    }

    /** The provider key this attempt sends (null for a provider that needs none); never logged. */
    String key() {
        return key;
    }

    CallContext context() {
        return context;
    }

    synchronized boolean isEnded() {
        return ended;
    }

    /** Maps a provider failure of this attempt onto the exception family, with the key masked out of its message. */
    LlmException failure(Throwable error) {
        return ProviderFailures.map(error, model.provider(), key);
    }

    /** Ends the attempt as failed with {@code error} mapped, and returns the mapped failure to throw. */
    LlmException fail(Throwable error) {
        LlmException failure = failure(error);
        end(CallOutcome.FAILED, failure, Optional.empty());
        return failure;
    }

    void end(CallOutcome outcome, LlmException failure, Optional<TokenUsage> usage) {
        end(outcome, failure, usage, null);
    }

    /** Ends the attempt as answered: its usage, and its answer's text for a model that logs payloads. */
    void answered(ChatResult result) {
        end(CallOutcome.SUCCEEDED, null, result.usage(), PayloadTexts.answer(result));
    }

    private void end(CallOutcome outcome, LlmException failure, Optional<TokenUsage> usage, String answer) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        CallRecord record = new CallRecord(
                model.catalogId(),
                model.provider(),
                kind,
                caller,
                startedAt,
                Duration.ofNanos(System.nanoTime() - startNanos),
                outcome,
                Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName()),
                usage,
                estimatedInputTokens,
                admission.payload(key, answer));
        admission.ended(record);
    }
}
