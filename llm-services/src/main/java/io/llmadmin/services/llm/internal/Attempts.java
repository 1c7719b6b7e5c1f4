package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.vault.ApiKeyVault;
import java.time.Clock;
import java.time.Duration;

/**
 * Starts upstream attempts: the key from the vault first (a missing key fails before anything is reserved), then the
 * guard's admission. A refusal of our own limiter comes out as {@link AdmissionRefused}, so that the retry loops can
 * tell it from a provider's 429.
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
     * Starts one attempt.
     *
     * @param kind {@code chat}, {@code stream}, {@code embedding}, {@code image} or {@code speech}
     * @param maxOutputTokens the call's {@code max_tokens}, or 0 when it set none
     * @throws AdmissionRefused when our limiter refuses
     * @throws io.llmadmin.services.errors.LlmNotConfiguredException when the provider needs a key and has none
     */
    Attempt begin(
            ModelConfiguration model,
            String kind,
            String caller,
            String prompt,
            int maxOutputTokens,
            Duration timeout) {
        ProviderRoute route = LangChain4jModelFactory.routeOf(model);
        String key = switch (route) {
            case IN_PROCESS -> null;
            default ->
                route.needsKey(model.provider())
                        ? vault.requireKey(model.provider())
                        : vault.nextKey(model.provider()).orElse(null);
        };
        CallGuard.Permit permit;
        try {
            permit = guard.admit(new CallGuard.Admission(model, caller, prompt, maxOutputTokens));
        } catch (LlmRateLimitedException refused) {
            throw new AdmissionRefused(refused);
        }
        return new Attempt(model, kind, caller, key, permit, recorder, TokenEstimates.count(prompt), timeout, clock);
    }
}
