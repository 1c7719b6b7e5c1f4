package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.GeneratedImages;
import io.llmadmin.services.llm.ImageCall;
import io.llmadmin.services.llm.SpeechAudio;
import io.llmadmin.services.llm.SpeechCall;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Image and speech calls to the inference service, one attempt per try, each admitted and recorded. */
final class InferenceCalls {

    private final Attempts attempts;
    private final Retries retries;
    private final InferenceServiceClient inference;
    private final Duration timeout;

    InferenceCalls(Attempts attempts, Retries retries, InferenceServiceClient inference, Duration timeout) {
        this.attempts = attempts;
        this.retries = retries;
        this.inference = inference;
        this.timeout = timeout;
    }

    GeneratedImages generateImage(ModelConfiguration model, ImageCall call) {
        ChatCallChecks.requireType(model, ModelType.IMAGE);
        return retries.run(() ->
                once(model, "image", call.caller(), call.prompt(), key -> inference.images(model, call, key, timeout)));
    }

    SpeechAudio speak(ModelConfiguration model, SpeechCall call) {
        ChatCallChecks.requireType(model, ModelType.SPEECH);
        return retries.run(() ->
                once(model, "speech", call.caller(), call.input(), key -> inference.speech(model, call, key, timeout)));
    }

    private <T> T once(ModelConfiguration model, String kind, String caller, String prompt, Function<String, T> send) {
        ModelAdmission admission;
        try {
            admission = attempts.admit(model, kind, caller, List.of(prompt == null ? "" : prompt), null);
        } catch (AdmissionRefused refused) {
            throw refused.failure();
        }
        try {
            return retries.run(() -> attempt(admission, send));
        } finally {
            admission.release();
        }
    }

    private <T> T attempt(ModelAdmission admission, Function<String, T> send) {
        Attempt attempt = admission.attempt(timeout);
        try {
            T result = send.apply(attempt.key());
            attempt.end(CallOutcome.SUCCEEDED, null, Optional.empty());
            return result;
        } catch (RuntimeException e) {
            throw attempt.fail(e);
        }
    }
}
