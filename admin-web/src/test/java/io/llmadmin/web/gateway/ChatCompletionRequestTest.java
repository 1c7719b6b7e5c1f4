package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.llm.ChatRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatCompletionRequestTest {

    private static ChatCompletionRequest parse(String json) {
        return ChatCompletionRequest.parse(ChatCompletionRequest.object(json), "gateway:ci");
    }

    @Test
    void should_read_openais_request_into_a_call_with_the_keys_caller() {
        ChatCompletionRequest request = parse("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"developer\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look \"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.org/a.png\"}},"
                + "{\"type\":\"text\",\"text\":\"here\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"Seen\"}],"
                + "\"temperature\":0.5,\"top_p\":0.9,\"max_completion_tokens\":64,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"response_format\":{\"type\":\"json_object\"},"
                + "\"user\":\"alice\",\"seed\":3}");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.call().model()).isEqualTo("gpt-4o-mini");
        assertThat(request.call().caller()).isEqualTo("gateway:ci/alice");
        assertThat(request.call().options().seed()).isEqualTo(3);
        assertThat(request.call().options().endUser()).isEqualTo("alice");
        assertThat(request.call().temperature()).isEqualTo(0.5);
        assertThat(request.call().topP()).isEqualTo(0.9);
        assertThat(request.call().maxTokens()).isEqualTo(64);
        assertThat(request.call().jsonOutput()).isTrue();
        assertThat(request.call().messages())
                .extracting(message -> message.role())
                .containsExactly(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT);
        assertThat(request.call().messages().get(1).text()).isEqualTo("Look here");
        assertThat(request.call().messages().get(1).imageUrls()).containsExactly("https://example.org/a.png");
    }

    @Test
    void should_leave_unset_parameters_to_the_model_and_not_stream_by_default() {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"max_tokens\":10,\"temperature\":null}");

        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.call().maxTokens()).isEqualTo(10);
        assertThat(request.call().temperature()).isNull();
        assertThat(request.call().jsonOutput()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}|model",
                "{\"model\":\"\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}|model",
                "{\"model\":\"m\"}|messages",
                "{\"model\":\"m\",\"messages\":{}}|messages",
                "{\"model\":\"m\",\"messages\":[1]}|messages[0]",
                "{\"model\":\"m\",\"messages\":[{\"content\":\"Hi\"}]}|messages[0].role",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}|messages[0].content",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}|messages[0].content",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}]}|messages[0].content[0]",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}|messages[0].tool_call_id",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}|messages[0].role",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tool_choice\":\"sometimes\"}|tool_choice",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"frequency_penalty\":3}|frequency_penalty",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"audio\":{}}|audio",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"verbosity\":\"low\"}|verbosity",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"prompt_cache_key\":7}|prompt_cache_key",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":\"hot\"}|temperature",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":0}|max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":1.5}|max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"n\":0}|n",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":\"yes\"}|stream",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stop\":[\"\"]}|stop",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":[{\"type\":\"retrieval\"}]}|tools",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"response_format\":{\"type\":\"json_schema\"}}|response_format",
            })
    void should_refuse_a_bad_request_with_a_400_naming_the_parameter(String json, String parameter) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().getJsonObject("error").getString("param")).isEqualTo(parameter);
            assertThat(e.body().getJsonObject("error").getString("type")).isEqualTo("invalid_request_error");
        });
    }

    @Test
    void should_read_tools_tool_choice_tool_calls_and_tool_results() {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]},\"strict\":true}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},"
                + "\"parallel_tool_calls\":false,\"stop\":\"END\"}");

        assertThat(request.call().tools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("get_weather");
            assertThat(tool.parametersSchemaJson()).contains("\"city\"");
            assertThat(tool.strict()).isTrue();
        });
        assertThat(request.call().options().toolChoice().function()).isEqualTo("get_weather");
        assertThat(request.call().options().parallelToolCalls()).isFalse();
        assertThat(request.call().options().stop()).containsExactly("END");
        assertThat(request.call().messages().get(1).toolCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}"));
        assertThat(request.call().messages().get(2).role()).isEqualTo(ChatRole.TOOL);
        assertThat(request.call().messages().get(2).toolName()).isEqualTo("get_weather");
        assertThat(request.legacyFunctions()).isFalse();
    }

    @Test
    void should_map_legacy_functions_onto_tools() {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                + "{\"role\":\"function\",\"name\":\"f\",\"content\":\"42\"}],"
                + "\"functions\":[{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}],"
                + "\"function_call\":\"auto\"}");

        assertThat(request.legacyFunctions()).isTrue();
        assertThat(request.call().tools()).extracting(tool -> tool.name()).containsExactly("f");
        assertThat(request.call().messages().get(2).toolCallId())
                .isEqualTo(request.call().messages().get(1).toolCalls().get(0).id());
    }

    @Test
    void should_accept_the_values_that_mean_off() {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"tools\":[],\"stop\":[],\"logprobs\":false,\"top_logprobs\":0,\"logit_bias\":{},\"n\":1,"
                + "\"frequency_penalty\":0,\"presence_penalty\":0,\"tool_choice\":\"auto\",\"metadata\":{},"
                + "\"store\":false,\"modalities\":[\"text\"],\"service_tier\":\"auto\",\"verbosity\":null}");

        assertThat(request.call().tools()).isEmpty();
        assertThat(request.call().options().stop()).isEmpty();
        assertThat(request.call().options().frequencyPenalty()).isNull();
        assertThat(request.call().options().logitBias()).isEmpty();
    }

    @Test
    void should_read_a_json_schema_response_format() {
        ChatCompletionRequest request = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"person\",\"strict\":true,"
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}}}}");

        assertThat(request.call().options().responseSchema().name()).isEqualTo("person");
        assertThat(request.call().options().responseSchema().strict()).isTrue();
        assertThat(request.call().jsonOutput()).isFalse();
    }

    @Test
    void should_refuse_a_body_that_is_not_a_json_object_without_naming_a_parameter() {
        for (String body : new String[] {"", "{nope", "[1]"}) {
            assertThatThrownBy(() -> ChatCompletionRequest.object(body))
                    .isInstanceOfSatisfying(OpenAiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.body().getJsonObject("error").isNull("param"))
                                .isTrue();
                    });
        }
    }
}
