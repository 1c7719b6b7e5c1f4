package io.llmadmin.services.llm.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ModelCooldown;
import io.llmadmin.services.llm.ModelCooldowns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A circuit breaker per model (Resilience4j): when at least {@code LLM_COOLDOWN_FAILURES} calls to a model (5) ended in
 * the last {@code LLM_COOLDOWN_WINDOW_SECONDS} (60) and at least {@code LLM_COOLDOWN_FAILURE_RATE} percent of them (50)
 * failed for the model's own reasons (unavailable, timeout, the provider's 429, the provider refusing our key), the model
 * is out of rotation for {@code LLM_COOLDOWN_SECONDS} (30); then one call probes it, and its outcome readmits it or
 * starts another cool-down. {@code LLM_COOLDOWN_FAILURES=0} turns cool-downs off. A call is one call to the model after
 * its retries, not each attempt.
 *
 * <p>Why Resilience4j and not MicroProfile Fault Tolerance's {@code @CircuitBreaker}: that one is a single breaker per
 * annotated method, configured at deployment, while each model needs its own, made when first called. Resilience4j's
 * registry gives exactly that, with the same closed / open / half-open states. The state is per instance; sharing it
 * through Redis is not done yet.
 */
@ApplicationScoped
public class Resilience4jModelCooldowns implements ModelCooldowns {

    private static final Logger LOG = Logger.getLogger(Resilience4jModelCooldowns.class.getName());

    private final CircuitBreakerRegistry registry;
    private final boolean enabled;

    @Inject
    public Resilience4jModelCooldowns(
            @ConfigProperty(name = "LLM_COOLDOWN_FAILURES", defaultValue = "5") int failures,
            @ConfigProperty(name = "LLM_COOLDOWN_WINDOW_SECONDS", defaultValue = "60") int windowSeconds,
            @ConfigProperty(name = "LLM_COOLDOWN_FAILURE_RATE", defaultValue = "50") float failureRatePercent,
            @ConfigProperty(name = "LLM_COOLDOWN_SECONDS", defaultValue = "30") long cooldownSeconds) {
        this.enabled = failures > 0;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(Math.max(1, windowSeconds))
                .minimumNumberOfCalls(Math.max(1, failures))
                .failureRateThreshold(Math.min(100f, Math.max(1f, failureRatePercent)))
                .waitDurationInOpenState(Duration.ofSeconds(Math.max(1, cooldownSeconds)))
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }

    /** No cool-downs: every model always in rotation. */
    static Resilience4jModelCooldowns disabled() {
        return new Resilience4jModelCooldowns(0, 60, 50, 30);
    }

    /** For the CDI proxy only. */
    protected Resilience4jModelCooldowns() {
        this.registry = null;
        this.enabled = false;
    }

    /** Whether a call may go to the model now; when true, exactly one of the outcome methods must follow. */
    boolean tryAcquire(ModelConfiguration model) {
        return !enabled || breaker(model).tryAcquirePermission();
    }

    /** The call to the model succeeded. */
    void succeeded(ModelConfiguration model, Duration took) {
        if (enabled) {
            breaker(model).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The call to the model failed: counted against it when the failure is the model's, else left out. */
    void failed(ModelConfiguration model, Duration took, LlmException failure) {
        if (!enabled) {
            return;
        }
        CircuitBreaker breaker = breaker(model);
        if (isModelsFault(failure)) {
            CircuitBreaker.State before = breaker.getState();
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, failure);
            if (before != CircuitBreaker.State.OPEN && breaker.getState() == CircuitBreaker.State.OPEN) {
                LOG.warning("Model '" + model.catalogId() + "' keeps failing ("
                        + failure.getClass().getSimpleName() + "); out of rotation for a cool-down");
            }
        } else {
            breaker.releasePermission();
        }
    }

    /** The call never reached the model (our own limiter refused it): no outcome to count. */
    void released(ModelConfiguration model) {
        if (enabled) {
            breaker(model).releasePermission();
        }
    }

    static boolean isModelsFault(LlmException failure) {
        return failure instanceof LlmUnavailableException
                || failure instanceof LlmTimeoutException
                || failure instanceof LlmRateLimitedException
                || failure instanceof LlmAuthenticationException;
    }

    @Override
    public List<ModelCooldown> current() {
        if (!enabled) {
            return List.of();
        }
        return registry.getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getState() == CircuitBreaker.State.OPEN
                        || breaker.getState() == CircuitBreaker.State.HALF_OPEN)
                .map(breaker -> new ModelCooldown(
                        breaker.getName(),
                        breaker.getState() == CircuitBreaker.State.OPEN ? "COOLING_DOWN" : "PROBING",
                        breaker.getMetrics().getFailureRate()))
                .sorted(java.util.Comparator.comparing(ModelCooldown::modelId))
                .toList();
    }

    private CircuitBreaker breaker(ModelConfiguration model) {
        return registry.circuitBreaker(model.catalogId());
    }
}
