package io.llmadmin.web.gateway;

import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
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

    @Inject
    public GatewayKeyLimiter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** For the CDI proxy only. */
    protected GatewayKeyLimiter() {
        this(null);
    }

    /**
     * Reserves the call in the key's window.
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayKeyView key, ChatCall call) {
        return admit(
                key,
                call.messages().stream().map(ChatMessage::text).toList(),
                call.maxTokens() == null ? 0 : call.maxTokens());
    }

    /**
     * Reserves the call in the caller's key's window; a console admin has no key and so nothing to reserve here (the
     * model's own limits are checked by the chat service either way).
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayCaller caller, List<String> texts, int maxOutput) {
        if (caller.key().isPresent()) {
            return admit(caller.key().get(), texts, maxOutput);
        }
        return new Reservation(NOTHING_RESERVED, TokenEstimator.estimateChatInputTokens(texts));
    }

    /** {@link #admit(GatewayCaller, List, int)} for a chat call. */
    public Reservation admit(GatewayCaller caller, ChatCall call) {
        return admit(
                caller,
                call.messages().stream().map(ChatMessage::text).toList(),
                call.maxTokens() == null ? 0 : call.maxTokens());
    }

    /**
     * Reserves a call with these texts as its input and at most {@code maxOutput} output tokens (0: not known) in the
     * key's window.
     *
     * @throws io.llmadmin.services.errors.LlmRateLimitedException when the key's limit is reached (a 429)
     */
    public Reservation admit(GatewayKeyView key, List<String> texts, int maxOutput) {
        int estimated = TokenEstimator.estimateChatInputTokens(texts);
        if (key.limits().unlimited()) {
            return new Reservation(NOTHING_RESERVED, estimated);
        }
        RateLimits limits = new RateLimits(
                key.limits().requestsPerMinute(),
                key.limits().inputTokensPerMinute(),
                key.limits().outputTokensPerMinute());
        return new Reservation(limiter.admit("gateway-key:" + key.id(), limits, estimated, maxOutput), estimated);
    }

    /**
     * A call reserved in the key's window.
     *
     * @param permit the limiter's reservation
     * @param estimatedInputTokens the prompt's estimate, settled when the provider reports nothing
     */
    public record Reservation(RatePermit permit, int estimatedInputTokens) {

        /** Holds nothing: for an answer whose reservation was settled already (a cache hit). */
        static final Reservation NONE = new Reservation(NOTHING_RESERVED, 0);

        /** Settles with the provider's counts, or the estimate and no output when there are none. */
        public void settle(Optional<TokenUsage> usage) {
            permit.settle(
                    usage.map(TokenUsage::inputTokens).orElse(estimatedInputTokens),
                    usage.map(TokenUsage::outputTokens).orElse(0));
        }
    }
}
