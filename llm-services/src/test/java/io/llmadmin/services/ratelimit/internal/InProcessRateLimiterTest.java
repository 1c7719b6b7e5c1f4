package io.llmadmin.services.ratelimit.internal;

import io.llmadmin.services.ratelimit.RateLimiter;
import java.util.List;

class InProcessRateLimiterTest extends RateLimiterContract {

    private final InProcessRateLimiter limiter = new InProcessRateLimiter(clock);

    @Override
    protected List<RateLimiter> instances() {
        return List.of(limiter);
    }
}
