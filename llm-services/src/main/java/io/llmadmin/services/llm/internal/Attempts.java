package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.tokens.TokenEstimator;
import io.llmadmin.services.vault.ApiKeyVault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Admits calls to a model: the key from the vault first (a missing key fails before anything is reserved), then the
 * guard's admission of the estimated input and the output reservation. A refusal of our own limiter comes out as
 * {@link AdmissionRefused}, so that the flows can tell it from a provider's 429.
 *
 * <p>The output reservation is the call's {@code max_tokens}; a chat call without one reserves what the model may answer
 * at most (its declared maximum output, else its context less the prompt), capped by the model's output tokens per
 * minute, and is sent with that as its {@code max_tokens} (see {@link #capped}), so the provider can never use more
 * than was reserved.
 */
final class Attempts {

    private final ApiKeyVault vault;
    private final CallGuard guard;
    private final CallRecorder recorder;
    private final Clock clock;

    Attempts(ApiKeyVault vault, CallGuard guard, CallRecorder recorder, Clock clock) {
        this.vault = vault;
        this.guard = guard;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Admits one call to {@code model}.
     *
     * @param kind {@code chat}, {@code stream}, {@code embedding}, {@code image} or {@code speech}
     * @param inputTexts the text of each message (or input), to estimate the input tokens from
     * @param maxTokens the call's {@code max_tokens}, or null when it set none
     * @throws AdmissionRefused when our limiter refuses
     * @throws io.llmadmin.services.errors.LlmNotConfiguredException when the provider needs a key and has none
     */
    ModelAdmission admit(
            ModelConfiguration model, String kind, String caller, List<String> inputTexts, Integer maxTokens) {
        return admit(model, kind, caller, inputTexts, maxTokens, 1);
    }

    /** Admits a chat call: its messages, its {@code max_tokens}, and as many answers as it asks for. */
    ModelAdmission admit(ModelConfiguration model, String kind, ChatCall call) {
        ModelAdmission admission = admit(
                model,
                kind,
                call.caller(),
                call.messageTexts(),
                call.maxTokens(),
                call.options().choiceCount());
        if (model.logsPayloads()) {
            admission.keepPrompt(PayloadTexts.messages(call.messages()));
        }
        return admission;
    }

    /** Admits a call for {@code choices} answers: each may use the output reserved for one, so it reserves n times. */
    ModelAdmission admit(
            ModelConfiguration model,
            String kind,
            String caller,
            List<String> inputTexts,
            Integer maxTokens,
            int choices) {
        String key = keyFor(model);
        int estimatedInput = TokenEstimator.estimateChatInputTokens(inputTexts);
        int reservedOutput = outputReservation(model, maxTokens, estimatedInput, choices);
        CallGuard.Permit permit;
        try {
            permit = guard.admit(new CallGuard.Admission(
                    model, caller, String.join("\n", inputTexts), reservedOutput, estimatedInput));
        } catch (LlmRateLimitedException refused) {
            if (refused.budgetExhausted()) {
                recordBudgetRefusal(model, kind, caller);
            }
            throw new AdmissionRefused(refused);
        }
        ModelAdmission admission = new ModelAdmission(
                this, model, kind, caller, estimatedInput, reservedOutput, key, permit, recorder, clock);
        if (model.logsPayloads()) {
            admission.keepPrompt(PayloadTexts.inputs(inputTexts));
        }
        return admission;
    }

    /** A budget refusal is a usage row of its own (nothing was sent: no tokens, no cost), so the usage API counts it. */
    private void recordBudgetRefusal(ModelConfiguration model, String kind, String caller) {
        recorder.record(new CallRecord(
                model.catalogId(),
                model.provider(),
                kind,
                caller,
                clock.instant(),
                Duration.ZERO,
                CallOutcome.FAILED,
                Optional.of(UsageCallRecorder.BUDGET_EXHAUSTED),
                Optional.of(new TokenUsage(0, 0)),
                0));
    }

    /** The key for one attempt: none for the in-process model, the vault's next one otherwise. */
    String keyFor(ModelConfiguration model) {
        ProviderRoute route = LangChain4jModelFactory.routeOf(model);
        return switch (route) {
            case IN_PROCESS -> null;
            default ->
                route.needsKey(model.provider())
                        ? vault.requireKeyFor(model)
                        : vault.keyFor(model).orElse(null);
        };
    }

    /**
     * The output tokens to reserve: the call's {@code max_tokens}; for a chat call without one, the model's maximum
     * output, else its context less the prompt, capped by its output tokens per minute; 0 when none of these is known
     * (and for models that answer no text); for {@code choices} answers, one answer's reservation each, the per-minute
     * output limit shared among them.
     */
    static int outputReservation(ModelConfiguration model, Integer maxTokens, int estimatedInput, int choices) {
        if (maxTokens != null) {
            return maxTokens * choices;
        }
        if (model.type() != ModelType.CHAT) {
            return 0;
        }
        int most = model.parameterRanges().maxOutputTokens();
        if (most <= 0 && model.contextLength() > 0) {
            most = Math.max(1, model.contextLength() - estimatedInput);
        }
        if (model.limitOutputTokensPerMinute() > 0) {
            int share = Math.max(1, model.limitOutputTokensPerMinute() / choices);
            most = most <= 0 ? share : Math.min(most, share);
        }
        return Math.max(0, most) * choices;
    }

    /**
     * The call as sent: a call without {@code max_tokens} to a model that declares its maximum output or limits its
     * output tokens per minute gets the reservation as its {@code max_tokens}, so that the provider's answer fits what
     * was reserved. (A reservation taken from the context length alone is not sent: a provider may refuse a
     * {@code max_tokens} above its own output maximum.)
     */
    static ChatCall capped(ChatCall call, ModelAdmission admission) {
        ModelConfiguration model = admission.model();
        boolean bounded = model.parameterRanges().maxOutputTokens() > 0 || model.limitOutputTokensPerMinute() > 0;
        if (call.maxTokens() != null || !bounded || admission.reservedOutputTokens() <= 0) {
            return call;
        }
        // max_tokens bounds each choice: several share the reservation.
        return call.withMaxTokens(
                Math.max(1, admission.reservedOutputTokens() / call.options().choiceCount()));
    }
}
