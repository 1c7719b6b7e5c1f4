package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.usage.CallPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call's admission to one model, held across the retries of that model: the guard admits the call once, every
 * attempt under it is recorded as usage, and {@link #release} settles the permit once with the last attempt. A retry
 * after a transient upstream failure is thus never charged as a new request, so a caller at a full window is told what
 * really failed (the upstream), not "rate limited". Made by {@link Attempts#admit}.
 */
final class ModelAdmission {

    private static final Logger LOG = Logger.getLogger(ModelAdmission.class.getName());

    private final Attempts attempts;
    private final ModelConfiguration model;
    private final String kind;
    private final String caller;
    private final int estimatedInputTokens;
    private final int reservedOutputTokens;
    private final CallGuard.Permit permit;
    private final CallRecorder recorder;
    private final Clock clock;
    private String firstKey;
    private boolean firstKeyUsed;
    private CallRecord last;
    private boolean released;
    /** The prompt kept with each attempt's usage row; null unless the model logs payloads. */
    private volatile String prompt;

    ModelAdmission(
            Attempts attempts,
            ModelConfiguration model,
            String kind,
            String caller,
            int estimatedInputTokens,
            int reservedOutputTokens,
            String firstKey,
            CallGuard.Permit permit,
            CallRecorder recorder,
            Clock clock) {
        this.attempts = attempts;
        this.model = model;
        this.kind = kind;
        this.caller = caller;
        this.estimatedInputTokens = estimatedInputTokens;
        this.reservedOutputTokens = reservedOutputTokens;
        this.firstKey = firstKey;
        this.permit = permit;
        this.recorder = recorder;
        this.clock = clock;
    }

    ModelConfiguration model() {
        return model;
    }

    /** Keeps {@code text} as the prompt of every attempt's payload (only for a model that logs payloads). */
    void keepPrompt(String text) {
        this.prompt = text;
    }

    /**
     * The payload of an attempt that sent {@code key} and got {@code answer} back (null when it got none), or null
     * when the model does not log payloads.
     */
    CallPayload payload(String key, String answer) {
        String kept = prompt;
        return kept == null ? null : CallPayload.masking(key, kept, answer);
    }

    /** What the model's per-minute limits had left right after this admission. */
    RateLimitHeadroom headroom() {
        return permit.headroom();
    }

    /** The output tokens the guard reserved: the call's {@code max_tokens}, or what the model may answer at most. */
    int reservedOutputTokens() {
        return reservedOutputTokens;
    }

    /**
     * Starts an attempt under this admission: the first uses the key looked up at admission, each retry the vault's
     * next one (a provider with several keys spreads retries over them).
     */
    synchronized Attempt attempt(Duration timeout) {
        String key;
        if (!firstKeyUsed) {
            firstKeyUsed = true;
            key = firstKey;
            firstKey = null;
        } else {
            key = attempts.keyFor(model);
        }
        return new Attempt(this, model, kind, caller, key, estimatedInputTokens, timeout, clock);
    }

    /** An attempt ended: recorded as usage at once, and remembered for the settlement. */
    void ended(CallRecord record) {
        synchronized (this) {
            last = record;
        }
        try {
            recorder.record(record);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording a call failed", e);
        }
    }

    /** The call is done with this model (answered, failed for good, or moved on to a fallback): settles the permit. */
    void release() {
        CallRecord settlement;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            settlement = last != null
                    ? last
                    : new CallRecord(
                            model.catalogId(),
                            model.provider(),
                            kind,
                            caller,
                            clock.instant(),
                            Duration.ZERO,
                            CallOutcome.CANCELLED,
                            Optional.empty(),
                            Optional.empty(),
                            estimatedInputTokens);
        }
        try {
            permit.settle(settlement);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Settling a rate-limit permit failed", e);
        }
    }
}
