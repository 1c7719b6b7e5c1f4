package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingsResourceTest {

    @Test
    void should_read_one_string_or_an_array_of_strings_as_the_input() {
        assertThat(EmbeddingsResource.inputs(ChatCompletionRequest.object("{\"input\":\"one\"}")))
                .containsExactly("one");
        assertThat(EmbeddingsResource.inputs(ChatCompletionRequest.object("{\"input\":[\"one\",\"two\"]}")))
                .containsExactly("one", "two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"input\":[]}", "{\"input\":[[1,2]]}", "{\"input\":5}", "{\"input\":null}"})
    void should_refuse_any_other_input_naming_it(String body) {
        assertThatThrownBy(() -> EmbeddingsResource.inputs(ChatCompletionRequest.object(body)))
                .isInstanceOfSatisfying(
                        OpenAiException.class,
                        e -> assertThat(e.body().getJsonObject("error").getString("param"))
                                .isEqualTo("input"));
    }

    @Test
    void should_encode_base64_as_little_endian_float32_like_openai() {
        String encoded = EmbeddingsResource.base64(new float[] {0.5f, -2.25f});

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(8);
        assertThat(bytes.getFloat()).isEqualTo(0.5f);
        assertThat(bytes.getFloat()).isEqualTo(-2.25f);
    }

    @Test
    void should_take_float_or_base64_and_refuse_another_encoding() {
        assertThat(EmbeddingsResource.base64(ChatCompletionRequest.object("{}")))
                .isFalse();
        assertThat(EmbeddingsResource.base64(ChatCompletionRequest.object("{\"encoding_format\":\"float\"}")))
                .isFalse();
        assertThat(EmbeddingsResource.base64(ChatCompletionRequest.object("{\"encoding_format\":\"base64\"}")))
                .isTrue();
        assertThatThrownBy(
                        () -> EmbeddingsResource.base64(ChatCompletionRequest.object("{\"encoding_format\":\"hex\"}")))
                .isInstanceOf(OpenAiException.class);
    }
}
