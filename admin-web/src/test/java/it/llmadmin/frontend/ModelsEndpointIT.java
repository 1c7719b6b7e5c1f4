package it.llmadmin.frontend;

import static it.llmadmin.ServerUnderTest.get;
import static it.llmadmin.ServerUnderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frontend's {@code /v1/models} contract (seeds/001), against the started server. */
class ModelsEndpointIT {

    @Test
    void should_list_the_seed_chat_models_byte_for_byte_when_no_type_is_given() {
        HttpResponse<String> response = get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(resource("/it/seed-chat-models.json"));
    }

    @Test
    void should_list_the_seed_chat_models_byte_for_byte_when_type_is_chat() {
        assertThat(get("/v1/models?type=chat").body()).isEqualTo(resource("/it/seed-chat-models.json"));
    }

    @Test
    void should_list_the_four_image_models_with_the_vendor_as_provider_when_type_is_image() {
        HttpResponse<String> response = get("/v1/models?type=image");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(resource("/it/seed-image-models.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech", "embedding"})
    void should_answer_an_empty_array_when_the_type_has_no_models_yet(String type) {
        HttpResponse<String> response = get("/v1/models?type=" + type);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void should_answer_400_with_the_valid_types_when_the_type_is_unknown() {
        HttpResponse<String> response = get("/v1/models?type=video");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(400);
        assertThat(error.getString("message")).contains("video");
        assertThat(error.getJsonArray("validValues").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("chat", "embedding", "image", "speech");
    }

    @Test
    void should_return_one_model_in_the_frontend_shape_when_asked_by_id() {
        HttpResponse<String> response = get("/v1/models/gemini-1.5-pro");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"id\":\"gemini-1.5-pro\",\"name\":\"Gemini 1.5 Pro\","
                        + "\"description\":\"Advanced reasoning and long context\",\"contextLength\":2097152}");
    }

    @Test
    void should_answer_404_with_a_json_error_when_the_id_is_unknown() {
        HttpResponse<String> response = get("/v1/models/no-such-model");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(404);
        assertThat(error.getString("message")).contains("no-such-model");
    }

    @Test
    void should_answer_404_with_a_json_error_when_the_path_does_not_exist() {
        HttpResponse<String> response = get("/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).getInt("status")).isEqualTo(404);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
