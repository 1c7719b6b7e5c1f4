package io.llmadmin.web.gateway;

import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import io.llmadmin.services.tokens.TokenEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A gateway key's own per-minute limits, on top of the model's (which the chat service checks): each key has its own
 * window in the shared rate limiter, named {@code gateway-key:<id>} (a colon never appears in a catalog id).
 *
 * <p>A chat call reserves its {@code max_tokens} of output; without one, what the model may answer at most (its
 * declared maximum output, else its context less the prompt), never more than the key's output tokens per minute. A
 * key that limits output then sends that reservation as the call's {@code max_tokens}, so the provider's answer fits
 * what was reserved (unless it came from the context alone, which the provider cannot exceed anyway, and which a
 * provider may refuse as a {@code max_tokens} above its own output maximum). Each reservation is settled with the
 * provider's real counts.
 */
@ApplicationScoped
public class GatewayKeyLimiter {

    private static final RatePermit NOTHING_RESERVED = new RatePermit() {
        @Override
        public void settle(int actualInputTokens, int actualOutputTokens) {}

        @Override
        public void cancel() {}
    };

    private final RateLimiter limiter;
    private final ModelCatalog catalog;

    @Inject
    public GatewayKeyLimiter(RateLimiter limiter, ModelCatalog catalog) {
        this.limiter = limiter;
        this.catalog = catalog;
    }

    /** For the CDI proxy only. */
    protected GatewayKeyLimiter() {
        this(null, null);
    }

    /**
     * Reserves a chat call in the key's window; send {@link Reservation#applyTo the call as reserved}.
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayKeyView key, ChatCall call) {
        List<String> texts = call.messageTexts();
        // Several choices (n) may each use max_tokens: they reserve that many times, and share the key's
        // output per minute when it bounds them.
        int choices = call.options().choiceCount();
        if (key.limits().unlimited() || call.maxTokens() != null) {
            return admit(key, texts, call.maxTokens() == null ? 0 : call.maxTokens() * choices);
        }
        int estimated = TokenEstimator.estimateChatInputTokens(texts);
        Optional<CatalogEntry> model = call.model() == null ? Optional.empty() : catalog.activeModel(call.model());
        GatewayKeyLimits limits = key.limits();
        OutputReservation output = outputReservation(
                choices == 1 || limits.outputTokensPerMinute() <= 0
                        ? limits
                        : new GatewayKeyLimits(
                                limits.requestsPerMinute(),
                                limits.inputTokensPerMinute(),
                                Math.max(1, limits.outputTokensPerMinute() / choices)),
                model.map(CatalogEntry::maxOutputTokens).orElse(0),
                model.map(CatalogEntry::contextLength).orElse(0),
                estimated);
        return new Reservation(reserve(key, estimated, output.tokens() * choices), estimated, output.sentAsMaxTokens());
    }

    /**
     * Reserves a chat call in the caller's key's window; a console admin has no key and so nothing to reserve here (the
     * model's own limits are checked by the chat service either way).
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayCaller caller, ChatCall call) {
        return caller.key()
                .map(key -> admit(key, call))
                .orElseGet(() -> new Reservation(
                        NOTHING_RESERVED,
                        TokenEstimator.estimateChatInputTokens(call.messageTexts()),
                        Optional.empty()));
    }

    /** {@link #admit(GatewayKeyView, List, int)} for the caller's key; nothing is reserved for a console admin. */
    public Reservation admit(GatewayCaller caller, List<String> texts, int maxOutput) {
        return caller.key()
                .map(key -> admit(key, texts, maxOutput))
                .orElseGet(() -> new Reservation(
                        NOTHING_RESERVED, TokenEstimator.estimateChatInputTokens(texts), Optional.empty()));
    }

    /**
     * Reserves a call with these texts as its input and at most {@code maxOutput} output tokens (0: none, as for
     * embeddings) in the key's window.
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayKeyView key, List<String> texts, int maxOutput) {
        int estimated = TokenEstimator.estimateChatInputTokens(texts);
        if (key.limits().unlimited()) {
            return new Reservation(NOTHING_RESERVED, estimated, Optional.empty());
        }
        return new Reservation(reserve(key, estimated, maxOutput), estimated, Optional.empty());
    }

    private RatePermit reserve(GatewayKeyView key, int estimatedInput, int maxOutput) {
        RateLimits limits = new RateLimits(
                key.limits().requestsPerMinute(),
                key.limits().inputTokensPerMinute(),
                key.limits().outputTokensPerMinute());
        return limiter.admit("gateway-key:" + key.id(), limits, estimatedInput, maxOutput);
    }

    /**
     * The output a call without {@code max_tokens} reserves in a key's window, and whether it is sent as the call's
     * {@code max_tokens}.
     *
     * @param declaredMaximum the model's declared maximum output (0: not declared)
     * @param contextLength the model's context window (0: unknown)
     */
    static OutputReservation outputReservation(
            GatewayKeyLimits limits, int declaredMaximum, int contextLength, int estimatedInput) {
        int perMinute = limits.outputTokensPerMinute();
        int fromContext = contextLength > 0 ? Math.max(1, contextLength - estimatedInput) : 0;
        int most = declaredMaximum > 0 ? declaredMaximum : fromContext;
        if (perMinute <= 0) {
            // The key does not count output: the reservation only informs, nothing needs capping.
            return new OutputReservation(Math.max(0, most), Optional.empty());
        }
        int tokens = most > 0 ? Math.min(most, perMinute) : perMinute;
        boolean onlyTheContextBoundsIt = declaredMaximum <= 0 && fromContext > 0 && tokens == fromContext;
        return new OutputReservation(tokens, onlyTheContextBoundsIt ? Optional.empty() : Optional.of(tokens));
    }

    /**
     * @param tokens the output tokens reserved
     * @param sentAsMaxTokens the {@code max_tokens} to send with the call, when the reservation must bound the answer
     */
    record OutputReservation(int tokens, Optional<Integer> sentAsMaxTokens) {}

    /**
     * A call reserved in the key's window.
     *
     * @param permit the limiter's reservation
     * @param estimatedInputTokens the prompt's estimate, settled when the provider reports nothing
     * @param maxTokens the {@code max_tokens} the call must be sent with, when it set none and the key bounds it
     */
    public record Reservation(RatePermit permit, int estimatedInputTokens, Optional<Integer> maxTokens) {

        /** The call as reserved: with the reserved {@code max_tokens} when it had none and the key bounds its output. */
        public ChatCall applyTo(ChatCall call) {
            return call.maxTokens() == null && maxTokens.isPresent() ? call.withMaxTokens(maxTokens.get()) : call;
        }

        /** Holds nothing: for an answer whose reservation was settled already (a cache hit). */
        static final Reservation NONE = new Reservation(NOTHING_RESERVED, 0, Optional.empty());

        /** What the key's limits had left right after this admission; none for a key without limits. */
        public RateLimitHeadroom headroom() {
            return permit.headroom();
        }

        /**
         * A rate-limit refusal of the call after the key admitted it (the model's limit, or the provider's 429) told
         * with the tighter of the key's and the model's headroom, as a successful answer would be; other failures as
         * they are.
         */
        public LlmException withHeadroomOn(LlmException failure) {
            if (failure instanceof LlmRateLimitedException refused) {
                return refused.withHeadroom(refused.headroom().tighter(headroom()));
            }
            return failure;
        }

        /** Settles with the provider's counts, or the estimate and no output when there are none. */
        public void settle(Optional<TokenUsage> usage) {
            permit.settle(
                    usage.map(TokenUsage::inputTokens).orElse(estimatedInputTokens),
                    usage.map(TokenUsage::outputTokens).orElse(0));
        }
    }
}
