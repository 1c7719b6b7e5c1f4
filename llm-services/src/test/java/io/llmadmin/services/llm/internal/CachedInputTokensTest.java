package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.pricing.ModelPrices;
import io.llmadmin.services.pricing.Price;
import io.llmadmin.services.pricing.PriceDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The input tokens a provider read from its prompt cache: read from its report, and priced at the cached-input price. */
class CachedInputTokensTest {

    @Test
    void should_read_openais_cached_tokens_as_part_of_the_prompt() {
        OpenAiTokenUsage reported = OpenAiTokenUsage.builder()
                .inputTokenCount(11)
                .outputTokenCount(4)
                .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder()
                        .cachedTokens(8)
                        .build())
                .build();

        assertThat(Conversions.usage(reported)).contains(new TokenUsage(11, 4, 8));
    }

    @Test
    void should_add_anthropics_cache_reads_and_writes_to_its_input_tokens() {
        // Anthropic's input_tokens leave out what was read from or written to the cache.
        AnthropicTokenUsage reported = AnthropicTokenUsage.builder()
                .inputTokenCount(3)
                .outputTokenCount(4)
                .cacheReadInputTokens(8)
                .cacheCreationInputTokens(2)
                .build();

        assertThat(Conversions.usage(reported)).contains(new TokenUsage(13, 4, 8));
    }

    @Test
    void should_count_no_cached_tokens_when_the_provider_names_none() {
        assertThat(Conversions.usage(new dev.langchain4j.model.output.TokenUsage(11, 4)))
                .contains(new TokenUsage(11, 4, 0));
    }

    @Test
    void should_price_cached_input_tokens_at_the_cached_input_price() {
        Price price = new Price(
                1,
                "m",
                Instant.EPOCH,
                "USD",
                new BigDecimal("100"),
                new BigDecimal("500"),
                new BigDecimal("10"),
                null,
                null,
                "admin");
        CallCosts costs = new CallCosts(new OnePrice(price));

        BigDecimal cost =
                costs.of(record(new TokenUsage(11, 4, 8))).orElseThrow().amount();

        // 3 uncached input tokens at 100, 8 cached at 10, 4 output at 500 per million.
        assertThat(cost).isEqualByComparingTo("0.00238");
    }

    private static CallRecord record(TokenUsage usage) {
        return new CallRecord(
                "m",
                "other",
                "chat",
                "gateway:k",
                Instant.now(),
                Duration.ofMillis(5),
                CallOutcome.SUCCEEDED,
                Optional.empty(),
                Optional.of(usage),
                11);
    }

    private record OnePrice(Price price) implements ModelPrices {
        @Override
        public List<Price> history(String modelId) {
            return List.of(price);
        }

        @Override
        public Optional<Price> at(String modelId, Instant moment) {
            return Optional.of(price);
        }

        @Override
        public Price add(String actor, String modelId, PriceDraft draft) {
            throw new UnsupportedOperationException();
        }
    }
}
