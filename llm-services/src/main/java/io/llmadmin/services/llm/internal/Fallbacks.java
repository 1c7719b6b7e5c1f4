package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ModelDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The models a chat call falls back to, and the blocking loop over them. The list is read from the
 * {@link ModelDirectory} on the caller's thread (a JPA directory needs the request's context).
 */
final class Fallbacks {

    private static final Logger LOG = Logger.getLogger(Fallbacks.class.getName());

    private final ModelDirectory directory;

    Fallbacks(ModelDirectory directory) {
        this.directory = directory;
    }

    /** Fallbacks are tried after any failure except a bad request, which no other model would take either. */
    static boolean warrantFallback(LlmException failure) {
        return !(failure instanceof InvalidLlmRequestException);
    }

    /** The fallbacks of {@code model} that exist and take {@code call}, in order; the unusable ones are logged. */
    List<ModelConfiguration> usableFor(ModelConfiguration model, ChatCall call) {
        List<ModelConfiguration> usable = new ArrayList<>();
        for (String fallbackId : directory.fallbacksOf(model)) {
            usable(fallbackId, call).ifPresent(usable::add);
        }
        return usable;
    }

    /** Runs {@code attempt} on {@code first}, then on each usable fallback while the failures warrant one. */
    <T> T run(ChatCall call, ModelConfiguration first, BiFunction<ModelConfiguration, ChatCall, T> attempt) {
        LlmException lastFailure;
        try {
            return attempt.apply(first, call);
        } catch (LlmException e) {
            if (!warrantFallback(e)) {
                throw e;
            }
            lastFailure = e;
        }
        for (String fallbackId : directory.fallbacksOf(first)) {
            Optional<ModelConfiguration> fallback = usable(fallbackId, call);
            if (fallback.isEmpty()) {
                continue;
            }
            ChatCall fallbackCall = ModelDefaults.apply(call.withModel(fallbackId), fallback.get());
            LOG.warning("Model '" + first.catalogId() + "' failed ("
                    + lastFailure.getClass().getSimpleName() + "); falling back to '" + fallbackId + "'");
            try {
                return attempt.apply(fallback.get(), fallbackCall);
            } catch (LlmException e) {
                if (!warrantFallback(e)) {
                    throw e;
                }
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** A fallback that exists and takes the call's parameters, or empty (logged). */
    private Optional<ModelConfiguration> usable(String fallbackId, ChatCall call) {
        Optional<ModelConfiguration> fallback = directory.find(fallbackId);
        if (fallback.isEmpty()) {
            LOG.warning("Fallback model '" + fallbackId + "' is not an active model; skipped");
            return Optional.empty();
        }
        try {
            ChatCallChecks.check(ModelDefaults.apply(call.withModel(fallbackId), fallback.get()), fallback.get());
            return fallback;
        } catch (InvalidLlmRequestException e) {
            LOG.warning("Fallback model '" + fallbackId + "' cannot take this call (" + e.getMessage() + "); skipped");
            return Optional.empty();
        }
    }
}
