package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponsesParametersTest {

    private static void check(String parameters) {
        ResponsesParameters.check(ChatCompletionRequest.object("{\"model\":\"m\",\"input\":\"Hi\"" + parameters + "}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ",\"seed\":1|seed|Unrecognized request argument supplied: seed",
                ",\"verbosity\":\"low\"|verbosity|Unrecognized request argument supplied: verbosity",
                ",\"background\":true|background|'background' is not supported",
                ",\"conversation\":\"conv_1\"|conversation|'conversation' is not supported",
                ",\"context_management\":[]|context_management|'context_management' is not supported",
                ",\"truncation\":\"auto\"|truncation|truncation must be 'disabled'",
                ",\"top_logprobs\":1|top_logprobs|no log probabilities",
                ",\"include\":[\"message.output_text.logprobs\"]|include|no log probabilities",
                ",\"include\":\"reasoning.encrypted_content\"|include|array of strings",
                ",\"service_tier\":\"priority\"|service_tier|'auto' or 'default'",
                ",\"stream_options\":true|stream_options|must be an object",
                ",\"max_tool_calls\":-1|max_tool_calls|max_tool_calls",
            })
    void should_refuse_by_name(String parameters, String param, String message) {
        assertThatThrownBy(() -> check(parameters)).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().getJsonObject("error").getString("param")).isEqualTo(param);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ",\"seed\":null,\"background\":false,\"conversation\":null,\"prompt\":null",
                ",\"include\":[\"reasoning.encrypted_content\",\"file_search_call.results\"],\"store\":false",
                ",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false},\"truncation\":\"disabled\"",
                ",\"prompt_cache_key\":\"k\",\"prompt_cache_retention\":\"24h\",\"safety_identifier\":\"u1\"",
                ",\"service_tier\":\"auto\",\"top_logprobs\":0,\"max_tool_calls\":5,\"metadata\":{\"a\":\"b\"}",
                ",\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],\"text\":{\"verbosity\":\"low\"}",
            })
    void should_accept_what_it_reads_and_what_cannot_change_the_answer(String parameters) {
        assertThatCode(() -> check(parameters)).doesNotThrowAnyException();
    }
}
