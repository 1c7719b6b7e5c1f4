package io.llmadmin.services.ollama.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the configured HTTP client to the feature (pulls run on the one managed executor, {@code ManagedExecutors}'s).
 * The client retries as model calls do ({@code LLM_RETRY_ATTEMPTS}, {@code LLM_RETRY_BASE_DELAY_MS}, {@code LLM_RETRY_MAX_DELAY_MS}).
 */
@ApplicationScoped
public class OllamaResources {

    @Produces
    OllamaClient client(
            @ConfigProperty(name = "LLM_RETRY_ATTEMPTS", defaultValue = "2") int retries,
            @ConfigProperty(name = "LLM_RETRY_BASE_DELAY_MS", defaultValue = "1500") long baseDelayMillis,
            @ConfigProperty(name = "LLM_RETRY_MAX_DELAY_MS", defaultValue = "20000") long maxDelayMillis) {
        return new OllamaClient(
                Duration.ofSeconds(30),
                Math.max(0, retries),
                Duration.ofMillis(Math.max(0, baseDelayMillis)),
                Duration.ofMillis(Math.max(baseDelayMillis, maxDelayMillis)));
    }
}
