package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ModelDirectory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The models a chat call falls back to, and when. The chain is the model's ordered fallback list, each entry followed
 * by its own fallbacks (depth first: falling back to B means "call B", and B would fall back to its own list), each
 * model at most once (an admin may well configure A → B → A), inactive models and models that cannot take the call
 * (its parameters, images, tools) left out. It is read from the {@link ModelDirectory} on the caller's thread, before
 * the first attempt: a JPA directory needs the request's context, and a stream's later attempts run elsewhere.
 *
 * <p>A failure warrants a fallback unless it is the caller's own mistake, which no other model would take either (a bad
 * parameter) or a model that is not there. One exception: a request that does not fit the model's context window goes
 * on to the next fallback with a larger window (or one whose window is unknown).
 */
final class Fallbacks {

    private static final Logger LOG = Logger.getLogger(Fallbacks.class.getName());

    /** How deep a chain of fallbacks of fallbacks is followed: far more than anyone configures, bounded all the same. */
    private static final int MAX_CHAIN = 32;

    private final ModelDirectory directory;

    Fallbacks(ModelDirectory directory) {
        this.directory = directory;
    }

    /** Whether a failure of one model warrants trying the next one. */
    static boolean warrantFallback(LlmException failure) {
        if (failure instanceof InvalidLlmRequestException invalid) {
            return invalid.contextWindowExceeded();
        }
        return !(failure instanceof LlmNotFoundException);
    }

    /** The fallback chain of {@code model} for {@code call}, in the order to try it. */
    List<ModelConfiguration> chainFor(ModelConfiguration model, ChatCall call) {
        return chainFor(model, call, false);
    }

    /** As {@link #chainFor(ModelConfiguration, ChatCall)}; a streamed call leaves out the models that do not stream. */
    List<ModelConfiguration> chainFor(ModelConfiguration model, ChatCall call, boolean streaming) {
        List<ModelConfiguration> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(model.catalogId());
        Deque<String> pending = new ArrayDeque<>(directory.fallbacksOf(model));
        while (!pending.isEmpty() && chain.size() < MAX_CHAIN) {
            String fallbackId = pending.pollFirst();
            if (!seen.add(fallbackId)) {
                continue;
            }
            Optional<ModelConfiguration> fallback = usable(fallbackId, call, streaming);
            if (fallback.isEmpty()) {
                continue;
            }
            chain.add(fallback.get());
            List<String> own = directory.fallbacksOf(fallback.get());
            for (int i = own.size() - 1; i >= 0; i--) {
                pending.addFirst(own.get(i));
            }
        }
        return chain;
    }

    /**
     * The next model of {@code remaining} to try after {@code failed} failed with {@code failure}, taken off the chain;
     * empty when the failure warrants none or none is left. After a context-window failure, the models whose known
     * window is no larger than the failed one's are passed over.
     */
    static Optional<ModelConfiguration> next(
            Deque<ModelConfiguration> remaining, ModelConfiguration failed, LlmException failure) {
        if (!warrantFallback(failure)) {
            return Optional.empty();
        }
        boolean needsLargerWindow = failure instanceof InvalidLlmRequestException;
        while (!remaining.isEmpty()) {
            ModelConfiguration candidate = remaining.pollFirst();
            if (needsLargerWindow
                    && failed.contextLength() > 0
                    && candidate.contextLength() > 0
                    && candidate.contextLength() <= failed.contextLength()) {
                LOG.info(() -> "Fallback '" + candidate.catalogId() + "' has no larger context window than '"
                        + failed.catalogId() + "'; skipped");
                continue;
            }
            LOG.warning("Model '" + failed.catalogId() + "' failed ("
                    + failure.getClass().getSimpleName() + "); falling back to '" + candidate.catalogId() + "'");
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** One step of a blocking flow: call {@code model}; {@code fallbackAvailable} says whether another could follow. */
    @FunctionalInterface
    interface Step<T> {
        T apply(ModelConfiguration model, ChatCall call, boolean fallbackAvailable);
    }

    /** Runs {@code step} on {@code first}, then along its chain while the failures warrant a fallback. */
    <T> T run(ChatCall call, ModelConfiguration first, Step<T> step) {
        Deque<ModelConfiguration> remaining = new ArrayDeque<>(chainFor(first, call));
        ModelConfiguration model = first;
        ChatCall current = call;
        while (true) {
            try {
                return step.apply(model, current, !remaining.isEmpty());
            } catch (LlmException failure) {
                Optional<ModelConfiguration> next = next(remaining, model, failure);
                if (next.isEmpty()) {
                    throw failure;
                }
                model = next.get();
                current = ModelDefaults.apply(call.withModel(model.catalogId()), model);
            }
        }
    }

    /** A fallback that exists and takes the call's parameters, or empty (logged). */
    private Optional<ModelConfiguration> usable(String fallbackId, ChatCall call, boolean streaming) {
        Optional<ModelConfiguration> fallback = directory.find(fallbackId);
        if (fallback.isEmpty()) {
            LOG.warning("Fallback model '" + fallbackId + "' is not an active model; skipped");
            return Optional.empty();
        }
        try {
            ChatCallChecks.check(
                    ModelDefaults.apply(call.withModel(fallbackId), fallback.get()), fallback.get(), streaming);
            return fallback;
        } catch (InvalidLlmRequestException e) {
            LOG.warning("Fallback model '" + fallbackId + "' cannot take this call (" + e.getMessage() + "); skipped");
            return Optional.empty();
        }
    }
}
