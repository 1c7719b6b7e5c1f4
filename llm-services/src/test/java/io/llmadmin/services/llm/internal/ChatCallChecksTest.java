package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatRole;
import io.llmadmin.services.llm.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatCallChecksTest {

    private static ModelConfiguration model(int contextLength, boolean vision) {
        ModelConfiguration model = new ModelConfiguration("m1", ModelType.CHAT, "openai", "gpt-4o", "M1");
        model.contextLength(contextLength);
        model.routeTo(null, null, vision);
        model.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(true, vision, true, true, false));
        return model;
    }

    private static ChatCall.Builder call() {
        return ChatCall.builder("m1").message(ChatMessage.user("hi"));
    }

    private static void assertRefused(ChatCall call, ModelConfiguration model, String parameter) {
        assertThatThrownBy(() -> ChatCallChecks.check(call, model))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.parameter())
                                .isEqualTo(parameter))
                .hasMessageContaining(parameter);
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "2.01", "NaN"})
    void should_refuse_a_temperature_outside_0_to_2(double temperature) {
        assertRefused(call().temperature(temperature).build(), model(0, false), "temperature");
    }

    @ParameterizedTest
    @CsvSource({"-0.01", "1.5"})
    void should_refuse_a_top_p_outside_0_to_1(double topP) {
        assertRefused(call().topP(topP).build(), model(0, false), "top_p");
    }

    @Test
    void should_accept_the_limits_of_each_range() {
        assertThatCode(() -> ChatCallChecks.check(
                        call().temperature(0.0).topP(1.0).maxTokens(8192).build(), model(8192, false)))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        ChatCallChecks.check(call().temperature(2.0).topP(0.0).build(), model(0, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void should_refuse_max_tokens_over_the_context_length_when_it_is_known() {
        assertRefused(call().maxTokens(8193).build(), model(8192, false), "max_tokens");
        assertThatCode(() -> ChatCallChecks.check(call().maxTokens(1_000_000).build(), model(0, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void should_refuse_max_tokens_below_one() {
        assertRefused(call().maxTokens(0).build(), model(0, false), "max_tokens");
    }

    @Test
    void should_refuse_images_for_a_model_without_vision() {
        ChatCall withImage = ChatCall.builder("m1")
                .message(ChatMessage.user("what is this?", List.of("https://example.org/cat.png")))
                .build();

        assertRefused(withImage, model(0, false), "images");
        assertThatCode(() -> ChatCallChecks.check(withImage, model(0, true))).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_model_of_another_type() {
        ModelConfiguration image = new ModelConfiguration("sdxl", ModelType.IMAGE, "inference-service", "sdxl", "SDXL");

        assertRefused(call().build(), image, "model");
    }

    @Test
    void should_refuse_two_tools_of_one_name() {
        ToolSpec tool = new ToolSpec("get_weather", "weather", List.of());

        assertRefused(call().tool(tool).tool(tool).build(), model(0, false), "tools");
    }

    @Test
    void should_refuse_an_unknown_role_by_name() {
        assertThatThrownBy(() -> ChatRole.fromWireName("wizard"))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.parameter())
                                .isEqualTo("role"))
                .hasMessageContaining("user", "assistant", "system", "tool");
    }

    @Test
    void should_refuse_a_tool_message_without_the_call_it_answers() {
        assertThatThrownBy(() -> ChatMessage.toolResult(" ", "get_weather", "sunny"))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.parameter())
                                .isEqualTo("toolCallId"));
    }

    @Test
    void should_refuse_a_call_without_messages() {
        assertThatThrownBy(() -> ChatCall.builder("m1").build())
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.parameter())
                                .isEqualTo("messages"));
    }

    @Test
    void should_refuse_a_temperature_outside_the_models_own_range_naming_it() {
        ModelConfiguration narrow = model(8192, false);
        narrow.specify(8192, new io.llmadmin.domain.model.ParameterRanges(0.2, 1.0, 0.5, 0.9, 1000));

        assertRefused(call().temperature(1.5).build(), narrow, "temperature");
        assertThatThrownBy(() -> ChatCallChecks.check(call().temperature(1.5).build(), narrow))
                .hasMessageContaining("between 0.2 and 1 for model 'm1'");
        assertRefused(call().topP(0.95).build(), narrow, "top_p");
        assertRefused(call().maxTokens(1001).build(), narrow, "max_tokens");
        assertThatThrownBy(() -> ChatCallChecks.check(call().maxTokens(1001).build(), narrow))
                .hasMessageContaining("between 1 and 1000 for model 'm1'");
        assertThatCode(() -> ChatCallChecks.check(
                        call().temperature(0.2).topP(0.9).maxTokens(1000).build(), narrow))
                .doesNotThrowAnyException();
    }

    @Test
    void should_refuse_what_the_model_cannot_do_naming_the_parameter() {
        ModelConfiguration plain = model(8192, false);
        plain.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(false, false, false, false, false));
        ToolSpec tool = new ToolSpec("lookup", "finds", List.of());

        assertRefused(call().jsonOutput(true).build(), plain, "response_format");
        assertRefused(call().tool(tool).build(), plain, "tools");
        assertThatThrownBy(() -> ChatCallChecks.check(call().build(), plain, true))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.parameter())
                                .isEqualTo("stream"));
        assertThatCode(() -> ChatCallChecks.check(call().build(), plain, false)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_reasoning_effort_for_a_model_that_does_not_reason_naming_the_parameter_and_the_model() {
        ChatCall thinking = call().options(new io.llmadmin.services.llm.ChatOptions(
                        null, null, null, null, null, null, null, null, null, "high", null, false, null, null, null,
                        null))
                .build();
        ModelConfiguration reasoner = model(8192, false);
        reasoner.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(true, false, true, true, true));

        assertRefused(thinking, model(8192, false), "reasoning_effort");
        assertThatThrownBy(() -> ChatCallChecks.check(thinking, model(8192, false)))
                .hasMessageContaining("model 'm1'");
        assertThatCode(() -> ChatCallChecks.check(thinking, reasoner)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_json_object_for_an_anthropic_model_which_takes_only_a_schema() {
        ModelConfiguration claude = new ModelConfiguration("c1", ModelType.CHAT, "anthropic", "claude-x", "C1");
        claude.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(true, false, true, true, false));

        assertRefused(call().jsonOutput(true).build(), claude, "response_format");
        assertThatThrownBy(() -> ChatCallChecks.check(call().jsonOutput(true).build(), claude))
                .hasMessageContaining("json_schema");
        assertThatCode(() -> ChatCallChecks.check(call().jsonOutput(true).build(), model(8192, false)))
                .doesNotThrowAnyException();
    }
}
