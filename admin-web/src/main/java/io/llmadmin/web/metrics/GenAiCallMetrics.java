package io.llmadmin.web.metrics;

import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every upstream attempt, as OpenTelemetry's GenAI semantic conventions name it, in the application registry at
 * {@code /metrics}: the histogram {@code gen_ai.client.token.usage} (tokens per attempt, by
 * {@code gen_ai_token_type} input/output) and the timer {@code gen_ai.client.operation.duration}, both by
 * {@code gen_ai_request_model}, {@code gen_ai_system} (the provider) and {@code outcome}. MicroProfile tag names cannot
 * hold dots, so the conventions' attribute names are written with underscores. A decorator of the usage recorder, so
 * that the LLM call pipeline is not touched; a metric that cannot be updated never loses the usage record.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class GenAiCallMetrics implements CallRecorder {

    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String DURATION = "gen_ai.client.operation.duration";

    private static final Logger LOG = Logger.getLogger(GenAiCallMetrics.class.getName());
    private static final Metadata TOKEN_USAGE_METADATA = Metadata.builder()
            .withName(TOKEN_USAGE)
            .withDescription("Tokens used per LLM call attempt (as the provider reported them, else estimated)")
            .build();
    private static final Metadata DURATION_METADATA = Metadata.builder()
            .withName(DURATION)
            .withDescription("Duration of each LLM call attempt")
            .withUnit(MetricUnits.SECONDS)
            .build();

    private final CallRecorder usage;
    private final MetricRegistry registry;

    @Inject
    protected GenAiCallMetrics(@Delegate CallRecorder usage, MetricRegistry registry) {
        this.usage = usage;
        this.registry = registry;
    }

    @Override
    public void record(CallRecord call) {
        try {
            count(call);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "GenAI metrics not updated", e);
        } finally {
            usage.record(call);
        }
    }

    private void count(CallRecord call) {
        Tag model = new Tag("gen_ai_request_model", call.model());
        Tag system = new Tag("gen_ai_system", call.provider() == null ? "unknown" : call.provider());
        Tag outcome = new Tag("outcome", call.outcome().name().toLowerCase(java.util.Locale.ROOT));
        registry.timer(DURATION_METADATA, model, system, outcome).update(call.latency());
        int input = call.usage().map(u -> u.inputTokens()).orElse(call.estimatedInputTokens());
        int output = call.usage().map(u -> u.outputTokens()).orElse(0);
        registry.histogram(TOKEN_USAGE_METADATA, model, system, outcome, new Tag("gen_ai_token_type", "input"))
                .update(input);
        registry.histogram(TOKEN_USAGE_METADATA, model, system, outcome, new Tag("gen_ai_token_type", "output"))
                .update(output);
    }
}
