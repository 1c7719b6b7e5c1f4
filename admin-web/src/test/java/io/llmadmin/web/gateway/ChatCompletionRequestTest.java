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
                + "\"user\":\"ignored\",\"seed\":3}");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.call().model()).isEqualTo("gpt-4o-mini");
        assertThat(request.call().caller()).isEqualTo("gateway:ci");
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
                "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\",\"tool_call_id\":\"c\"}]}|messages[0].role",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":\"hot\"}|temperature",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":0}|max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":1.5}|max_tokens",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"n\":2}|n",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":\"yes\"}|stream",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stop\":[\"x\"]}|stop",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":[]}|tools",
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
