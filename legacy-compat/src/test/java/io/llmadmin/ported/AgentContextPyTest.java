package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.SlidingWindowLimiter;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code python/somaagent/agent_context.py}: keeps {@code models.get_rate_limiter} as {@code LIMIT} and asks it for the
 * limiter of the context's chat model, to show and share its usage.
 */
@SuppressWarnings("removal")
class AgentContextPyTest {

    /** {@code LIMIT(cfg.provider, cfg.name, cfg.limit_requests, cfg.limit_input, cfg.limit_output)}, as ported. */
    private static SlidingWindowLimiter limit(ModelConfig cfg) {
        return Models.getRateLimiter(
                cfg.provider(), cfg.name(), cfg.limitRequests(), cfg.limitInput(), cfg.limitOutput());
    }

    @Test
    void should_see_the_usage_recorded_by_calls_of_the_same_model_through_the_shared_limiter() {
        ModelConfig cfg = new ModelConfig(
                ModelType.CHAT, "openai", "ctx-" + System.nanoTime(), "", 0, 10, 1000, 0, false, new HashMap<>());

        SlidingWindowLimiter before = limit(cfg);
        Models.applyRateLimiter(cfg, "hello", null);
        SlidingWindowLimiter after = limit(cfg);

        assertThat(after).isSameAs(before);
        assertThat(after.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(1);
        assertThat(after.limit(SlidingWindowLimiter.INPUT)).isEqualTo(1000);
    }
}
