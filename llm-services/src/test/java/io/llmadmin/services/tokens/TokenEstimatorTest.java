package io.llmadmin.services.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEstimatorTest {

    private static final String ONE_TOKEN = "hello";
    private static final String NINE_TOKENS = "The quick brown fox jumps over the lazy dog";
    private static final String TEN_TOKENS = "The quick brown fox jumps over the lazy dog.";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hello | 1",
                "The quick brown fox jumps over the lazy dog | 9",
                "The quick brown fox jumps over the lazy dog. | 10",
                "tiktoken is great! | 6"
            })
    void should_count_cl100k_tokens_when_given_a_text(String text, int expected) {
        assertThat(TokenEstimator.countTokens(text)).isEqualTo(expected);
    }

    @Test
    void should_match_the_legacy_vectors_when_approximating() {
        assertThat(TokenEstimator.approximateTokens(ONE_TOKEN)).isEqualTo(1);
        assertThat(TokenEstimator.approximateTokens(NINE_TOKENS)).isEqualTo(9);
        assertThat(TokenEstimator.approximateTokens(TEN_TOKENS)).isEqualTo(11);
        assertThat(TokenEstimator.approximateTokens("")).isZero();
    }

    @Test
    void should_round_down_one_tenth_more_when_the_text_is_long() {
        String text = "word" + " word".repeat(99);
        int count = TokenEstimator.countTokens(text);

        assertThat(count).isEqualTo(100);
        assertThat(TokenEstimator.approximateTokens(text)).isEqualTo(110);
    }

    @Test
    void should_count_special_tokens_as_ordinary_text_when_a_prompt_contains_them() {
        assertThat(TokenEstimator.countTokens("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void should_add_the_chat_framing_when_estimating_a_conversation() {
        int estimate = TokenEstimator.estimateChatInputTokens(List.of("You are terse.", NINE_TOKENS));

        assertThat(estimate).isEqualTo(3 + (4 + TokenEstimator.countTokens("You are terse.")) + (4 + 9));
        assertThat(TokenEstimator.estimateChatInputTokens(List.of())).isEqualTo(3);
    }

    @Test
    void should_name_the_parameter_when_the_text_is_null() {
        assertThatThrownBy(() -> TokenEstimator.countTokens(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }
}
