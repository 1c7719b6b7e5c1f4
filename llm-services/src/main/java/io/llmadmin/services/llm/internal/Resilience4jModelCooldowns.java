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
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * registry gives exactly that, with the same closed / open / half-open states.
 *
 * <p>With {@code REDIS_URL} set, the instances share the outcome ({@link SharedModelState}): a breaker that opens here
 * is opened on every instance until the same moment, and a probe call that readmits the model closes it everywhere.
 * Each instance still counts the calls it made itself (the failure rate that opens a breaker is one instance's).
 */
@ApplicationScoped
public class Resilience4jModelCooldowns implements ModelCooldowns, SharedModelState.Listener {

    private static final Logger LOG = Logger.getLogger(Resilience4jModelCooldowns.class.getName());

    private final CircuitBreakerRegistry registry;
    private final boolean enabled;
    private final Duration cooldown;
    private final SharedModelState shared;
    /** The failure rate that opened each breaker here or on another instance (whose calls this one did not count). */
    private final Map<String, Float> openingRates = new ConcurrentHashMap<>();

    @Inject
    public Resilience4jModelCooldowns(
            @ConfigProperty(name = "LLM_COOLDOWN_FAILURES", defaultValue = "5") int failures,
            @ConfigProperty(name = "LLM_COOLDOWN_WINDOW_SECONDS", defaultValue = "60") int windowSeconds,
            @ConfigProperty(name = "LLM_COOLDOWN_FAILURE_RATE", defaultValue = "50") float failureRatePercent,
            @ConfigProperty(name = "LLM_COOLDOWN_SECONDS", defaultValue = "30") long cooldownSeconds,
            SharedModelState shared) {
        this.enabled = failures > 0;
        this.cooldown = Duration.ofSeconds(Math.max(1, cooldownSeconds));
        this.shared = shared;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(Math.max(1, windowSeconds))
                .minimumNumberOfCalls(Math.max(1, failures))
                .failureRateThreshold(Math.min(100f, Math.max(1f, failureRatePercent)))
                .waitDurationInOpenState(Duration.ofSeconds(Math.max(1, cooldownSeconds)))
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        if (enabled) {
            shared.listen(this);
        }
    }

    /**
     * Creates the bean when the application starts, so that it hears the other instances' cool-downs from the start
     * (it would read the running ones when first used anyway, but a first call should not wait for Redis).
     */
    void startOnDeploy(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        LOG.fine(() -> enabled ? "Cool-downs are on" : "Cool-downs are off (LLM_COOLDOWN_FAILURES=0)");
    }

    /** Cool-downs of this instance only. */
    Resilience4jModelCooldowns(int failures, int windowSeconds, float failureRatePercent, long cooldownSeconds) {
        this(failures, windowSeconds, failureRatePercent, cooldownSeconds, SharedModelState.inProcess());
    }

    /** No cool-downs: every model always in rotation. */
    static Resilience4jModelCooldowns disabled() {
        return new Resilience4jModelCooldowns(0, 60, 50, 30);
    }

    /** For the CDI proxy only. */
    protected Resilience4jModelCooldowns() {
        this.registry = null;
        this.enabled = false;
        this.cooldown = null;
        this.shared = null;
    }

    /** Whether a call may go to the model now; when true, exactly one of the outcome methods must follow. */
    boolean tryAcquire(ModelConfiguration model) {
        return !enabled || breaker(model).tryAcquirePermission();
    }

    /** The call to the model succeeded. */
    void succeeded(ModelConfiguration model, Duration took) {
        if (enabled) {
            CircuitBreaker breaker = breaker(model);
            CircuitBreaker.State before = breaker.getState();
            breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
            if (before == CircuitBreaker.State.HALF_OPEN && breaker.getState() == CircuitBreaker.State.CLOSED) {
                openingRates.remove(model.catalogId());
                shared.closed(model.catalogId());
            }
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
                float rate = Math.max(0f, breaker.getMetrics().getFailureRate());
                openingRates.put(model.catalogId(), rate);
                shared.opened(model.catalogId(), Instant.now().plus(cooldown), rate);
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
                        openingRates.getOrDefault(
                                breaker.getName(), breaker.getMetrics().getFailureRate())))
                .sorted(java.util.Comparator.comparing(ModelCooldown::modelId))
                .toList();
    }

    /** Another instance took the model out of rotation: so does this one, until the same moment. */
    @Override
    public void opened(String modelId, Instant until, float failureRatePercent) {
        if (until.isAfter(Instant.now())) {
            openingRates.put(modelId, failureRatePercent);
            registry.circuitBreaker(modelId).transitionToOpenStateUntil(until);
        }
    }

    /** Another instance's probe call readmitted the model. */
    @Override
    public void closed(String modelId) {
        CircuitBreaker breaker = registry.circuitBreaker(modelId);
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            openingRates.remove(modelId);
            breaker.transitionToClosedState();
        }
    }

    private CircuitBreaker breaker(ModelConfiguration model) {
        return registry.circuitBreaker(model.catalogId());
    }
}
